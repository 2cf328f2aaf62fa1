package vn.caitien.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;

import java.util.Map;

/** What the web pages need besides the read model: where to send commands, and the criteria catalogues. */
@RestController
@Tag(name = "Giao diện", description = "Cấu hình và danh mục tiêu chí cho trang web")
public class WebController {
    private final String planServiceUrl;

    public WebController(@Value("${caitien.web.plan-service-url:http://localhost:8081}") String planServiceUrl) {
        this.planServiceUrl = planServiceUrl;
    }

    @GetMapping("/api/config")
    @Operation(summary = "Địa chỉ plan-service mà trang web gửi lệnh tới")
    public Map<String, String> config() { return Map.of("planServiceUrl", planServiceUrl); }

    @GetMapping("/api/frameworks/{frameworkId}")
    @Operation(summary = "Bộ tiêu chuẩn: tiêu chuẩn, tiêu chí và tiêu chí mức 4")
    public Framework framework(@PathVariable String frameworkId) {
        return FrameworkCatalog.standard().find(frameworkId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Không có bộ tiêu chuẩn " + frameworkId));
    }
}
