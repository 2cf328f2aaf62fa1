package vn.caitien.planservice.exchange;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import vn.caitien.documents.read.Diagnostic;
import vn.caitien.documents.read.ParsedHeader;
import vn.caitien.documents.read.ParsedItem;

import java.util.List;

/**
 * Answer of POST /api/plans/import. {@code planId} only when a plan was created ({@code created});
 * {@code existingPlanId} when the same file was imported before (a dry run says so, a real import
 * is refused with 409 instead). {@code plan} is the parsed header, {@code items} every item row
 * read (with {@code skipped} for rows the plan would refuse and, once created, their
 * {@code itemId}), {@code diagnostics} what was noticed, by table row and column.
 */
public record ImportResponse(String planId, boolean created, boolean dryRun, String format, String existingPlanId,
                             ParsedHeader plan, List<Item> items, List<Diagnostic> diagnostics) {

    /** One item row: the parsed values and texts, plus the id the plan gave it. */
    public record Item(String itemId, @JsonUnwrapped ParsedItem parsed) {
    }
}
