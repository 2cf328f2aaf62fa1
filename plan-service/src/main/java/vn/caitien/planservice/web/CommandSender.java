package vn.caitien.planservice.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import vn.caitien.planservice.application.InvalidHeader;
import vn.caitien.planservice.application.PlanCommandSender;
import vn.caitien.planservice.security.Callers;

import java.util.UUID;

/**
 * Sends a command on behalf of the signed-in user of the current HTTP request, through
 * {@link PlanCommandSender}: the caller from the request's token, the correlation id from
 * {@value #CORRELATION_HEADER} (or a new one), and with {@code If-Match} the version the change is based on.
 */
@Component
public class CommandSender {
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Correlation ids are stored and shown; anything longer is a client mistake. */
    static final int MAX_HEADER_LENGTH = 200;

    private final PlanCommandSender commands;
    private final HttpServletRequest request;

    public CommandSender(PlanCommandSender commands, HttpServletRequest request) {
        this.commands = commands;
        this.request = request;
    }

    /** Sends the command whatever the plan's version. */
    public <R> R send(Object command) {
        return send(command, null);
    }

    /**
     * Sends the command if the caller may, and, with an {@code If-Match} value, only if the plan is still
     * at that version: otherwise {@link vn.caitien.planservice.application.VersionConflict} (409 with the
     * current version).
     */
    public <R> R send(Object command, String ifMatch) {
        return commands.send(Callers.current(), command, () -> IfMatch.expectedVersion(ifMatch), this::correlationId);
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
