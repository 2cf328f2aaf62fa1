package vn.caitien.monitoring.progress;

import vn.caitien.api.plan.School;
import vn.caitien.readmodel.PlanRow;

/** The school key as the read-model kernel gives it ({@link PlanRow#schoolKeyOf}), for the bulk fold. */
final class SchoolKey {
    private SchoolKey() {
    }

    static String of(School school) {
        return PlanRow.schoolKeyOf(school);
    }
}
