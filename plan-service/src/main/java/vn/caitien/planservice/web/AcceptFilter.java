package vn.caitien.planservice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.caitien.planservice.problem.FieldError;
import vn.caitien.planservice.problem.ProblemWriter;
import vn.caitien.planservice.problem.Problems;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Every command answers JSON. A command whose {@code Accept} admits neither JSON nor problem+json is refused
 * with 406 problem+json before anything runs: Spring MVC would find out only when writing the answer, after
 * the command was stored, and the client would be told "refused" about a change that happened.
 */
public class AcceptFilter extends OncePerRequestFilter {
    static final String TYPE = "https://caitien.vn/problems/not-acceptable";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (admitsJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "Dịch vụ chỉ trả lời dạng JSON (application/json); tiêu đề Accept \"" + shorten(accept)
                + "\" không nhận dạng đó, nên lệnh không được thực hiện";
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_ACCEPTABLE, TYPE, "Không trả lời được theo dạng yêu cầu",
                detail, List.of(new FieldError("Accept", detail)));
        byte[] body = ProblemWriter.bytes(problem);
        response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
        response.setContentType(ProblemWriter.TYPE.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** No Accept, or one of its types (with a quality above 0) includes JSON or problem+json. */
    static boolean admitsJson(String accept) {
        if (accept == null || accept.isBlank()) return true;
        try {
            return MediaType.parseMediaTypes(accept).stream().filter(type -> type.getQualityValue() > 0)
                    .anyMatch(type -> type.includes(MediaType.APPLICATION_JSON) || type.includes(MediaType.APPLICATION_PROBLEM_JSON));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String shorten(String accept) {
        String oneLine = accept.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<AcceptFilter> acceptFilter() {
            FilterRegistrationBean<AcceptFilter> registration = new FilterRegistrationBean<>(new AcceptFilter());
            // After the body limit, before sign-in: nothing about the request is acted on first.
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }
}
