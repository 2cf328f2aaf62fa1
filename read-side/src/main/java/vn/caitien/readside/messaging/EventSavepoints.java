package vn.caitien.readside.messaging;

import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;

/**
 * What undoes one event's work inside the processor's batch transaction when the event fails or is
 * parked. Written as handled, it is a savepoint: PostgreSQL aborts a whole transaction on a failed
 * statement; rolling back to the event's savepoint undoes the event's dedup mark and whatever its
 * handlers wrote, and keeps the rest of the batch (and the dead letter that records the failure)
 * committable. Queued ({@link QueuedWrites}), it drops what the event queued.
 */
public final class EventSavepoints {
    private static final ThreadLocal<Deque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);

    /** Undoes an event's work. */
    interface Undo {
        void run() throws SQLException;
    }

    private static final class Frame {
        final String eventId;
        final Undo undo;
        boolean rolledBack;

        Frame(String eventId, Undo undo) {
            this.eventId = eventId;
            this.undo = undo;
        }
    }

    private EventSavepoints() {
    }

    /** Runs the work for one event after a savepoint; an exception rolls back to it before it leaves. */
    public static Object around(DataSource dataSource, String eventId, Callable<Object> work) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) return work.call();
            Savepoint savepoint = connection.setSavepoint();
            // Not released: a release is one more round trip per event, and the savepoints of a batch end
            // with its transaction anyway (batches stay under PostgreSQL's 64 cached subtransactions).
            return within(new Frame(eventId, () -> connection.rollback(savepoint)), work);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Runs the work for one event whose writes are queued; an exception or a parking calls {@code undo}. */
    static Object queued(String eventId, Undo undo, Callable<Object> work) throws Exception {
        return within(new Frame(eventId, undo), work);
    }

    private static Object within(Frame frame, Callable<Object> work) throws Exception {
        Deque<Frame> frames = FRAMES.get();
        frames.push(frame);
        try {
            return work.call();
        } catch (Exception | Error e) {
            rollback(frame);
            throw e;
        } finally {
            frames.remove(frame);
        }
    }

    /**
     * The event is being parked in the dead-letter queue instead of applied: undo what its handling
     * wrote so far (its dedup mark included) so a retry applies it in full.
     */
    public static void parked(String eventId) {
        Frame frame = FRAMES.get().peek();
        if (frame != null && frame.eventId.equals(eventId)) rollback(frame);
    }

    /** Whether the event being handled on this thread was parked rather than applied. */
    public static boolean wasParked(String eventId) {
        Frame frame = FRAMES.get().peek();
        return frame != null && frame.eventId.equals(eventId) && frame.rolledBack;
    }

    private static void rollback(Frame frame) {
        if (frame.rolledBack) return;
        frame.rolledBack = true;
        try {
            frame.undo.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Không hoàn tác được điểm lưu của sự kiện " + frame.eventId, e);
        }
    }
}
