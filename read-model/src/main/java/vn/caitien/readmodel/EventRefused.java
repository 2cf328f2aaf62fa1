package vn.caitien.readmodel;

/**
 * An event the read model cannot apply: an item or report of a plan it has not seen created, or an
 * item without the content every row must have. Callers park it (the live projection's dead-letter
 * queue) rather than guess.
 */
public class EventRefused extends IllegalStateException {
    public EventRefused(String message) {
        super(message);
    }
}
