package vn.caitien.planservice.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import vn.caitien.api.progress.RecordProgress;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.api.wire.WireJson;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a command on behalf of the current HTTP request, stamping who asked and the correlation id
 * into its metadata; Axon copies both onto every event the command causes.
 */
@Component
public class CommandSender {
    public static final String USER_HEADER = "X-User";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String ANONYMOUS = "anonymous";
    /** Actor names and correlation ids are stored and shown; anything longer is a client mistake. */
    static final int MAX_HEADER_LENGTH = 200;
    /** Bounded retries for commands whose outcome does not depend on concurrent changes. */
    static final int MAX_ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final HttpServletRequest request;

    public CommandSender(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    public <R> R send(Object command) {
        MetaData metaData = MetaData.from(Map.of(
                MetadataKeys.ACTOR, actor(),
                MetadataKeys.CORRELATION_ID, correlationId()));
        refuseNul(command);
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (ConcurrencyException e) {
                // Another instance appended to the same plan first. Recording progress does not depend
                // on what came in between, so it is simply decided again; anything else is the user's call.
                if (!(command instanceof RecordProgress)
                        || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
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

    /** Until sign-in exists the caller names itself; UTF-8 names arrive percent-encoded. */
    String actor() {
        String user = request.getHeader(USER_HEADER);
        if (user == null || user.isBlank()) return ANONYMOUS;
        String name;
        try {
            name = URLDecoder.decode(user.strip(), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw new InvalidHeader(USER_HEADER, "Tên người dùng phải là UTF-8 mã hoá phần trăm (percent-encoded)");
        }
        return requireLength(USER_HEADER, name);
    }

    private static String requireLength(String header, String value) {
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new InvalidHeader(header, "Giá trị dài quá " + MAX_HEADER_LENGTH + " ký tự");
        }
        return value;
    }

    String correlationId() {
        Object known = request.getAttribute(CORRELATION_HEADER);
        if (known != null) return known.toString();
        String header = request.getHeader(CORRELATION_HEADER);
        String id = header == null || header.isBlank() ? UUID.randomUUID().toString()
                : requireLength(CORRELATION_HEADER, header.strip());
        request.setAttribute(CORRELATION_HEADER, id);
        return id;
    }
}
