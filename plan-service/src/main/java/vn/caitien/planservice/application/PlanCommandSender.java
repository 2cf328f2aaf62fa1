package vn.caitien.planservice.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;
import vn.caitien.access.Caller;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.api.wire.WireJson;
import vn.caitien.planservice.domain.ExpectedVersionResolver;
import vn.caitien.planservice.messaging.AggregateVersions;
import vn.caitien.planservice.security.PlanGuard;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends a command to the Plan on behalf of a caller: first asks {@link PlanGuard} whether they may (a refusal
 * sends nothing), then stamps who asked (the caller's {@code actorLabel()} and username) and the correlation id
 * into its metadata; Axon copies them onto every event the command causes. With an expected version the command
 * only applies to that version of the plan. Who the caller is and which correlation id the command carries is
 * the sender's to know (the web takes both from the HTTP request); this layer reads no request.
 */
@Component
public class PlanCommandSender {
    private final CommandGateway gateway;
    private final PlanGuard guard;
    private final AggregateVersions versions;
    private final ConflictRetries retries;

    public PlanCommandSender(CommandGateway gateway, PlanGuard guard, AggregateVersions versions, ConflictRetries retries) {
        this.gateway = gateway;
        this.guard = guard;
        this.versions = versions;
        this.retries = retries;
    }

    /**
     * Sends the command if the caller may, and, with an expected version, only if the plan is still at that
     * version: otherwise {@link VersionConflict} (409 with the current version). The expected version (null for
     * no condition; never asked for a new plan) and the correlation id are asked for only after the access
     * check, so a command the caller may not send is refused as such whatever else is wrong with its request.
     */
    public <R> R send(Caller caller, Object command, Supplier<Long> expectedVersion, Supplier<String> correlationId) {
        String planId = guard.authorize(caller, command);
        Long expected = command instanceof CreatePlan ? null : expectedVersion.get();
        refuseNul(command);
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetadataKeys.ACTOR, caller.actorLabel());
        metaData.put(MetadataKeys.ACTOR_ID, caller.username());
        metaData.put(MetadataKeys.CORRELATION_ID, correlationId.get());
        if (expected != null) metaData.put(ExpectedVersionResolver.EXPECTED_VERSION, expected);
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
            } catch (ConflictingAggregateVersionException e) {
                throw new VersionConflict(planId, e.getActualVersion(), true);
            } catch (ConcurrencyException e) {
                // Another request appended to the same plan first. A client that named no version asked for the
                // change whatever came in between: decide it again on the plan as it now is (every rule is checked
                // again), a few times, a little later each time. With If-Match the user decides, with the version
                // to reload. A new plan's id is never contended (the server draws it).
                if (expected == null && !(command instanceof CreatePlan) && retries.another(attempt)) continue;
                throw new VersionConflict(planId, versions.current(planId), expected != null);
            }
        }
    }

    /**
     * PostgreSQL text and jsonb cannot hold NUL, and a stored event must always load again: refuse it
     * at the door, whatever field (body or query parameter) it came in.
     */
    private static void refuseNul(Object command) {
        try {
            if (WireJson.mapper().writeValueAsString(command).contains("\\u0000")) {
                throw new InvalidHeader("body", "Văn bản không được chứa ký tự NUL (\\u0000)");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Command cannot be written as JSON", e);
        }
    }
}
