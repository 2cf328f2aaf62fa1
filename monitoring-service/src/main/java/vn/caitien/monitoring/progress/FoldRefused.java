package vn.caitien.monitoring.progress;

/**
 * The in-memory fold cannot promise the result of the projection's statements for this event (the
 * database would refuse it, or might): the rebuild goes back to replaying event by event, which parks
 * such events per plan in the dead-letter queue.
 */
public class FoldRefused extends RuntimeException {
    public FoldRefused(String message) {
        super(message, null, false, false);
    }
}
