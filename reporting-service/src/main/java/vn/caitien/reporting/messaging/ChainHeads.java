package vn.caitien.reporting.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainGuard;
import vn.caitien.api.chain.ChainLink;

/**
 * Each plan's last applied event (table plan_chain), for {@link ChainGuard}: read and written in the
 * event's own transaction, beside the history row it goes with.
 */
@Component
public class ChainHeads implements ChainGuard.Heads {
    private final JdbcTemplate jdbc;

    public ChainHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ChainLink.Head head(UnitOfWork<? extends EventMessage<?>> unitOfWork, String planId) {
        return jdbc.query("select sequence, hash from plan_chain where plan_id = ?",
                rs -> rs.next() ? new ChainLink.Head(rs.getLong(1), rs.getString(2)) : null, planId);
    }

    @Override
    public void advance(UnitOfWork<? extends EventMessage<?>> unitOfWork, String planId, ChainLink.Head head) {
        jdbc.update("""
                insert into plan_chain (plan_id, sequence, hash) values (?, ?, ?)
                on conflict (plan_id) do update set sequence = excluded.sequence, hash = excluded.hash""",
                planId, head.sequence(), head.hash());
    }

    /** The plan's last applied sequence as committed, -1 when none. */
    public long lastApplied(String planId) {
        return jdbc.query("select sequence from plan_chain where plan_id = ?", rs -> rs.next() ? rs.getLong(1) : -1L, planId);
    }
}
