package vn.caitien.planservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.caitien.planservice.security.Callers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Idempotency-Key} on command requests: the first answer is kept, and a retry with the same key
 * and the same request gets it again without sending the command twice. The same key with another
 * request is a client mistake (422). The answer is stored in the command's own transaction, so a crash
 * mid-request leaves no trace and the retry runs the command; a retry while the first is still running
 * waits for it (409 only for answers left "in flight" by older versions). Keys belong to
 * the signed-in user (the token subject): another user's request with the same key is a request of its
 * own and never gets the first user's answer. The filter runs after Spring Security's, so only
 * authenticated requests reach it.
 *
 * <p>Only final answers are remembered: a 409 (the plan changed under the request, or a refusal that depends
 * on the plan's state at that moment) and a 5xx are not, so the retry the client is told to make runs the
 * command again instead of replaying the conflict for ever. Remembered answers expire after
 * {@code caitien.idempotency.remember-for} ({@link RememberedAnswers}): after that the key is free again.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RememberedAnswers remembered;

    public IdempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactions, RememberedAnswers remembered) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.remembered = remembered;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Uploads are parsed by the container from the raw stream, and the importer already refuses a
        // file it has seen (content hash); keys apply to JSON commands.
        String type = request.getContentType();
        return request.getHeader(HEADER) == null || request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
                || request.getMethod().equals("OPTIONS")
                || !request.getRequestURI().startsWith("/api/") || type != null && type.startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            problem(response, 400, "Idempotency-Key không hợp lệ", "Khoá phải có từ 1 đến " + MAX_KEY + " ký tự");
            return;
        }
        String subject = Objects.requireNonNullElse(Callers.subject(), "");
        if (subject.length() > MAX_KEY) subject = "sha256:" + sha256(new byte[0], subject.getBytes(StandardCharsets.UTF_8));
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        // The request's identity: method, full path and body; the path column keeps a readable prefix only.
        String hash = sha256((request.getMethod() + " " + path + "\n").getBytes(StandardCharsets.UTF_8), body);
        String storedPath = path.length() > 500 ? path.substring(0, 500) : path;
        String owner = subject;
        // One transaction for the remembered answer and everything the command stores (its unit of work
        // runs in a savepoint of it, see CommandTransactions): a crash, a lost connection or a 5xx leaves
        // neither, so the client's retry with the same key runs the command again, and a committed answer
        // is replayed. A retry arriving while the first still runs waits on the key's row lock.
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        Boolean first;
        try {
            first = transactions.execute(tx -> {
                // The answer is remembered and sent only once this transaction commits: it must be this
                // request's own, never one a failed request left behind (TransactionLeakGuard).
                if (!tx.isNewTransaction()) throw new IllegalStateException("Idempotent request joined a transaction it does not own");
                remembered.forgetExpired(owner, key);
                try {
                    jdbc.update("insert into idempotent_request (subject, idempotency_key, method, path, body_sha256, status) "
                            + "values (?, ?, ?, ?, ?, 0)", owner, key, request.getMethod(), storedPath, hash);
                } catch (DuplicateKeyException seen) {
                    tx.setRollbackOnly();
                    return false;
                }
                try {
                    chain.doFilter(new CachedBodyRequest(request, body), cached);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
                if (!RememberedAnswers.isFinal(cached.getStatus())) {
                    // A 5xx: the command may not have happened; a 409: it lost to a concurrent change. Keep
                    // nothing of it (the command stored nothing either) and let the client's retry run it again.
                    tx.setRollbackOnly();
                } else {
                    jdbc.update("update idempotent_request set status = ?, content_type = ?, response_body = ? "
                                    + "where subject = ? and idempotency_key = ?",
                            cached.getStatus(), cached.getContentType(), cached.getContentAsByteArray(), owner, key);
                }
                return true;
            });
        } catch (FilterFailure e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw (ServletException) e.getCause();
        }
        if (Boolean.TRUE.equals(first)) {
            cached.copyBodyToResponse();
        } else {
            replay(subject, key, hash, response);
        }
    }

    /** Carries a checked exception of the filter chain out of the transaction callback, which rolls back. */
    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) { super(cause); }
    }

    private void replay(String subject, String key, String hash, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select body_sha256, status, content_type, response_body "
                + "from idempotent_request where subject = ? and idempotency_key = ? and " + RememberedAnswers.LIVE,
                subject, key, remembered.rememberFor().toMillis());
        if (rows.isEmpty()) {
            problem(response, 409, "Yêu cầu đang được xử lý", "Vui lòng thử lại sau giây lát");
            return;
        }
        Map<String, Object> first = rows.get(0);
        if (!hash.equals(first.get("body_sha256"))) {
            problem(response, 422, "Idempotency-Key đã dùng cho yêu cầu khác",
                    "Mỗi lệnh khác nhau cần một Idempotency-Key riêng");
            return;
        }
        int status = ((Number) first.get("status")).intValue();
        if (status == 0) {
            problem(response, 409, "Yêu cầu đang được xử lý", "Lần gửi trước với cùng Idempotency-Key chưa xong");
            return;
        }
        response.setStatus(status);
        response.setHeader("Idempotent-Replayed", "true");
        if (first.get("content_type") != null) response.setContentType((String) first.get("content_type"));
        byte[] stored = (byte[]) first.get("response_body");
        if (stored != null) response.getOutputStream().write(stored);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        String json = "{\"type\":\"https://caitien.vn/problems/idempotency\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"" + HEADER + "\",\"message\":\"" + detail + "\"}]}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once, so the filter can hash it and the controller still reads it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
