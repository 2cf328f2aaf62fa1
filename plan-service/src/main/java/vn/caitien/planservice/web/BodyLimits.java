package vn.caitien.planservice.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code caitien.request.*}, defaults in application.yml): JSON
 * commands and anything else {@code max-body}; the plan upload (POST multipart to
 * {@value #UPLOAD_PATH}) {@code max-upload}, which also bounds the multipart parser. The filter runs
 * before Spring Security's, so no body is read or buffered before its size is known to be acceptable.
 */
@Configuration
public class BodyLimits {
    static final String UPLOAD_PATH = "/api/plans/import";
    private final DataSize maxBody;
    private final DataSize maxUpload;

    public BodyLimits(@Value("${caitien.request.max-body:1MB}") DataSize maxBody,
                      @Value("${caitien.request.max-upload:11MB}") DataSize maxUpload) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    public DataSize maxUpload() { return maxUpload; }

    DataSize forRequest(HttpServletRequest request) {
        String type = request.getContentType();
        boolean upload = "POST".equals(request.getMethod()) && UPLOAD_PATH.equals(request.getRequestURI())
                && type != null && type.toLowerCase().startsWith("multipart/");
        return upload ? maxUpload : maxBody;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter() {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(this));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
