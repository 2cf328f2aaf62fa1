package vn.caitien.planservice.exchange;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Uploads (POST /api/plans/import is the service's only multipart endpoint) may carry one file of at
 * most 10 MB. These beans replace Spring Boot's multipart defaults (1 MB per file). The resolver
 * parses lazily, when the controller asks for the file: a too-large upload then fails inside the
 * import controller, whose own handler answers 413 problem+json, instead of before any controller
 * is chosen, where only the generic 500 handler would see it.
 */
@Configuration
class UploadLimits {
    static final DataSize MAX_FILE = DataSize.ofMegabytes(10);
    /** Room for the form's other parts and headers around the file. */
    static final DataSize MAX_REQUEST = DataSize.ofMegabytes(11);
    /** Smaller uploads stay in memory; larger ones go to a temporary file while being received. */
    static final DataSize IN_MEMORY = DataSize.ofMegabytes(1);

    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", MAX_FILE.toBytes(), MAX_REQUEST.toBytes(), (int) IN_MEMORY.toBytes());
    }

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    StandardServletMultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }
}
