package vn.caitien.monitoring.messaging;

import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;

/**
 * One savepoint per event inside the processor's batch transaction. PostgreSQL aborts a whole
 * transaction on a failed statement; rolling back to the event's savepoint undoes the event's
 * dedup mark and whatever its handlers wrote, and keeps the rest of the batch (and the dead letter
 * that records the failure) committable.
 */
public final class EventSavepoints {
    private static final ThreadLocal<Deque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);

    private static final class Frame {
        final String eventId;
        final Connection connection;
        final Savepoint savepoint;
        boolean rolledBack;

        Frame(String eventId, Connection connection, Savepoint savepoint) {
            this.eventId = eventId;
            this.connection = connection;
            this.savepoint = savepoint;
        }
    }

    private EventSavepoints() {
    }

    /** Runs the work for one event after a savepoint; an exception rolls back to it before it leaves. */
    public static Object around(DataSource dataSource, String eventId, Callable<Object> work) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) return work.call();
            Frame frame = new Frame(eventId, connection, connection.setSavepoint());
            Deque<Frame> frames = FRAMES.get();
            frames.push(frame);
            try {
                // Not released: a release is one more round trip per event, and the savepoints of a batch end
                // with its transaction anyway (batches stay under PostgreSQL's 64 cached subtransactions).
                return work.call();
            } catch (Exception | Error e) {
                rollback(frame);
                throw e;
            } finally {
                frames.remove(frame);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
            frame.connection.rollback(frame.savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("Không hoàn tác được điểm lưu của sự kiện " + frame.eventId, e);
        }
    }
}
