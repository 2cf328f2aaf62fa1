package vn.caitien.planservice.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
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
import vn.caitien.planservice.messaging.AggregateVersions;
import vn.caitien.planservice.plan.ExpectedVersionResolver;
import vn.caitien.planservice.security.Callers;
import vn.caitien.planservice.security.PlanGuard;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends a command on behalf of the signed-in user of the current HTTP request: first asks
 * {@link PlanGuard} whether they may (a refusal sends nothing), then stamps who asked (the token's
 * {@code actorLabel()} and subject) and the correlation id into its metadata; Axon copies them onto
 * every event the command causes. With {@code If-Match} the command only applies to that version.
 */
@Component
public class CommandSender {
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Correlation ids are stored and shown; anything longer is a client mistake. */
    static final int MAX_HEADER_LENGTH = 200;

    private final CommandGateway gateway;
    private final HttpServletRequest request;
    private final PlanGuard guard;
    private final AggregateVersions versions;
    private final ConflictRetries retries;

    public CommandSender(CommandGateway gateway, HttpServletRequest request, PlanGuard guard, AggregateVersions versions,
                         ConflictRetries retries) {
        this.gateway = gateway;
        this.request = request;
        this.guard = guard;
        this.versions = versions;
        this.retries = retries;
    }

    /** Sends the command whatever the plan's version. */
    public <R> R send(Object command) {
        return send(command, null);
    }

    /**
     * Sends the command if the caller may, and, with an {@code If-Match} value, only if the plan is still
     * at that version: otherwise {@link VersionConflict} (409 with the current version).
     */
    public <R> R send(Object command, String ifMatch) {
        return send(Callers.current(), command, ifMatch, this::correlationId);
    }

    /**
     * Sends the command for a caller known otherwise than from an HTTP request (commands sent in-process, as
     * the benchmark does), exactly as {@link #send(Object, String)} does for a request: the same access check,
     * the same metadata, the same retries.
     */
    public <R> R sendAs(Caller caller, String correlationId, Object command) {
        return send(caller, command, null, () -> correlationId);
    }

    private <R> R send(Caller caller, Object command, String ifMatch, Supplier<String> correlationId) {
        String planId = guard.authorize(caller, command);
        Long expected = command instanceof CreatePlan ? null : IfMatch.expectedVersion(ifMatch);
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

    String correlationId() {
        Object known = request.getAttribute(CORRELATION_HEADER);
        if (known != null) return known.toString();
        String header = request.getHeader(CORRELATION_HEADER);
        String id = header == null || header.isBlank() ? UUID.randomUUID().toString() : header.strip();
        if (id.length() > MAX_HEADER_LENGTH) {
            throw new InvalidHeader(CORRELATION_HEADER, "Giá trị dài quá " + MAX_HEADER_LENGTH + " ký tự");
        }
        request.setAttribute(CORRELATION_HEADER, id);
        return id;
    }
}
