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
import vn.caitien.readmodel.Labels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the web pages need before anyone signs in: where to send commands and fetch reports, which
 * OIDC issuer and public client to sign in with, the criteria catalogues, and the words for the API's codes.
 */
@RestController
@Tag(name = "Giao diện", description = "Cấu hình và danh mục tiêu chí cho trang web")
public class WebController {
    private final Map<String, String> config;

    public WebController(@Value("${caitien.web.plan-service-url:http://localhost:8081}") String planServiceUrl,
                         @Value("${caitien.web.reporting-service-url:http://localhost:8083}") String reportingServiceUrl,
                         @Value("${caitien.web.issuer-uri:${CAITIEN_ISSUER_URI:http://localhost:9000}}") String issuerUri,
                         @Value("${caitien.web.client-id:caitien-dashboard}") String clientId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("planServiceUrl", planServiceUrl);
        values.put("reportingServiceUrl", reportingServiceUrl);
        values.put("issuerUri", issuerUri);
        values.put("clientId", clientId);
        this.config = Map.copyOf(values);
    }

    @GetMapping("/api/config")
    @Operation(summary = "Địa chỉ plan-service, reporting-service và nhà cung cấp định danh (OIDC) mà trang web dùng")
    public Map<String, String> config() { return config; }

    @GetMapping("/api/frameworks/{frameworkId}")
    @Operation(summary = "Bộ tiêu chuẩn: tiêu chuẩn, tiêu chí và tiêu chí mức 4")
    public Framework framework(@PathVariable String frameworkId) {
        return FrameworkCatalog.standard().find(frameworkId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Không có bộ tiêu chuẩn " + frameworkId));
    }

    @GetMapping("/api/labels")
    @Operation(summary = "Tên tiếng Việt của các mã: trạng thái nội dung, tình trạng báo cáo, trạng thái kế hoạch, kỳ báo cáo, loại hình trường")
    public Map<String, Map<String, String>> labels() { return Labels.all(); }
}
