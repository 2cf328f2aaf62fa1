package vn.caitien.planservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.caitien.planservice.problem.FieldError;
import vn.caitien.planservice.problem.ProblemWriter;
import vn.caitien.planservice.problem.Problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Every request body has a ceiling, checked before sign-in, idempotency and parsing: a body whose
 * Content-Length says more is refused at once, without reading it; a body without one (chunked) is
 * counted while it is read, and reading past the ceiling fails with {@link BodyTooLarge}, which
 * becomes the same 413. Nothing the service reads can then be larger than the ceiling, whoever sends
 * it and to whatever path: the 200 MB progress body of a read-only user no longer reaches Jackson nor
 * the idempotency hash. The plan upload has its own, larger ceiling; Tomcat's multipart parser reads
 * the raw stream, so for uploads the multipart limits ({@code exchange.UploadLimits}) hold while
 * streaming, and this filter only checks the announced length.
 */
public class BodyLimitFilter extends OncePerRequestFilter {
    static final String TYPE = "request-too-large";
    private final BodyLimits limits;

    public BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.forRequest(request).toBytes();
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(e);
            if (tooLarge.isEmpty() || response.isCommitted()) throw e;
            response.reset();
            refuse(response, tooLarge.get().limit());
        }
    }

    /** 413 problem+json, see {@link #answer}. */
    private static void refuse(HttpServletResponse response, long limit) throws IOException {
        ResponseEntity<byte[]> answer = answer(limit);
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.getOutputStream().write(answer.getBody());
        response.flushBuffer();
    }

    /**
     * The answer to a body over {@code limit} bytes (also given by ProblemHandler when a message converter
     * met it): 413 problem+json, and the connection is closed, so the rest of the body is never read. It is
     * written whole, with its length: a client still sending when the connection closes has all of it.
     */
    public static ResponseEntity<byte[]> answer(long limit) {
        byte[] body = ProblemWriter.bytes(problem(limit));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).contentLength(body.length).body(body);
    }

    private static ProblemDetail problem(long limit) {
        String detail = "Nội dung gửi lên vượt giới hạn " + size(limit) + "; hãy gửi ít dữ liệu hơn";
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, TYPE, "Nội dung yêu cầu quá lớn",
                detail, List.of(new FieldError("body", detail)));
        problem.setProperty("maxBytes", limit);
        return problem;
    }

    private static String size(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (size.toMegabytes() > 0 && bytes % (1024 * 1024) == 0) return size.toMegabytes() + " MB";
        if (size.toKilobytes() > 0 && bytes % 1024 == 0) return size.toKilobytes() + " KB";
        return bytes + " byte";
    }

    /** The request whose body reads through a counter. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private LimitedInputStream in;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public LimitedInputStream getInputStream() throws IOException {
            if (in == null) in = new LimitedInputStream(super.getInputStream(), limit);
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
