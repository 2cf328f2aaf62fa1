package vn.caitien.readside.messaging;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.readside.chain.ChainGuard;
import vn.caitien.api.chain.ChainLink;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each plan's last applied event (table plan_chain), for {@link ChainGuard}. In a processor batch the
 * heads of all the batch's plans are read with one query, and the batch's own advances are kept with
 * them: they are written with the batch ({@link QueuedWrites}) and seen by its later events at once.
 */
public class ChainHeads implements ChainGuard.Heads {
    private static final String KEY = ChainHeads.class.getName() + ".heads";
    private final JdbcTemplate jdbc;
    private final QueuedWrites writes;

    public ChainHeads(JdbcTemplate jdbc, QueuedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public ChainLink.Head head(UnitOfWork<? extends EventMessage<?>> unitOfWork, String planId) {
        Map<String, Optional<ChainLink.Head>> known = known(unitOfWork);
        if (!known.containsKey(planId)) {
            Set<String> plans = new LinkedHashSet<>();
            plans.add(planId);
            if (unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batch) {
                for (EventMessage<?> event : batch.getMessages()) {
                    if (event instanceof DomainEventMessage<?> domain && !known.containsKey(domain.getAggregateIdentifier())) {
                        plans.add(domain.getAggregateIdentifier());
                    }
                }
            }
            plans.forEach(plan -> known.put(plan, Optional.empty()));
            jdbc.query("select plan_id, sequence, hash from plan_chain where plan_id = any(?)",
                    rs -> { known.put(rs.getString(1), Optional.of(new ChainLink.Head(rs.getLong(2), rs.getString(3)))); },
                    (Object) plans.toArray(String[]::new));
        }
        return known.get(planId).orElse(null);
    }

    @Override
    public void advance(UnitOfWork<? extends EventMessage<?>> unitOfWork, String planId, ChainLink.Head head) {
        writes.update("""
                insert into plan_chain (plan_id, sequence, hash) values (?, ?, ?)
                on conflict (plan_id) do update set sequence = excluded.sequence, hash = excluded.hash""",
                planId, head.sequence(), head.hash());
        known(unitOfWork).put(planId, Optional.of(head));
    }

    /** The plan's last applied sequence as committed, -1 when none. */
    public long lastApplied(String planId) {
        return jdbc.query("select sequence from plan_chain where plan_id = ?", rs -> rs.next() ? rs.getLong(1) : -1L, planId);
    }

    private static Map<String, Optional<ChainLink.Head>> known(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(KEY, key -> new HashMap<>());
    }
}
