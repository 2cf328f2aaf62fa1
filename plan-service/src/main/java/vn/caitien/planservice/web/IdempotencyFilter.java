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
 * request is a client mistake (422); a retry while the first is still running gets 409. Keys belong to
 * the signed-in user (the token subject): another user's request with the same key is a request of its
 * own and never gets the first user's answer. The filter runs after Spring Security's, so only
 * authenticated requests reach it.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;
    private final JdbcTemplate jdbc;

    public IdempotencyFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        path = path.length() > 500 ? path.substring(0, 500) : path;
        try {
            jdbc.update("insert into idempotent_request (subject, idempotency_key, method, path, body_sha256, status) "
                    + "values (?, ?, ?, ?, ?, 0)", subject, key, request.getMethod(), path, hash);
        } catch (DuplicateKeyException seen) {
            replay(subject, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), cached);
        } finally {
            if (cached.getStatus() >= 500) {
                // The command may not have happened: let the client retry with the same key.
                jdbc.update("delete from idempotent_request where subject = ? and idempotency_key = ?", subject, key);
            } else {
                jdbc.update("update idempotent_request set status = ?, content_type = ?, response_body = ? "
                                + "where subject = ? and idempotency_key = ?",
                        cached.getStatus(), cached.getContentType(), cached.getContentAsByteArray(), subject, key);
            }
            cached.copyBodyToResponse();
        }
    }

    private void replay(String subject, String key, String hash, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select body_sha256, status, content_type, response_body "
                + "from idempotent_request where subject = ? and idempotency_key = ?", subject, key);
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
