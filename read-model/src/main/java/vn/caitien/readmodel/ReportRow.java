package vn.caitien.readmodel;

import vn.caitien.api.plan.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One revision of a periodic report as it was submitted: revision 1 is the submission, 2.. are
 * corrections. {@code recordedAt} and {@code actor} are the event's (monitoring's submitted_at and
 * submitted_by); {@code submittedOn} is the date the report states, when it states one.
 */
public record ReportRow(String planId, String period, int revision, String summary, String findings,
                        String recommendations, String correctionReason, LocalDate submittedOn, Instant recordedAt,
                        String actor) {

    /** The day it counts as sent: the date it states, else the Vietnamese date it was recorded. */
    public LocalDate sentOn() {
        return submittedOn != null ? submittedOn : LocalDate.ofInstant(recordedAt, BusinessTime.ZONE);
    }

    boolean sameRevision(ReportRow other) {
        return period.equals(other.period) && revision == other.revision;
    }
}
