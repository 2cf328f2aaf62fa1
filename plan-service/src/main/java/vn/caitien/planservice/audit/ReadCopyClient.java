package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.wire.WireJson;
import vn.caitien.planservice.audit.ChainComparison.ReadCopy;
import vn.caitien.planservice.audit.ChainComparison.ReadLink;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * reporting-service's copy of a plan's chain ({@code GET /api/plans/{id}/chain}: its events' sequence, id, hash
 * and previous hash, and the checkpoints it kept from Kafka), asked with the caller's own token, so the caller
 * sees there exactly what reporting's access rules let them. Short timeouts: verify answers anyway, saying the
 * copy could not be compared.
 */
@Component
class ReadCopyClient {
    /** A plan's copy is a few hundred bytes per event; anything near this is not an answer to trust. */
    private static final int MAX_BYTES = 32 * 1024 * 1024;

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    ReadCopyClient(@Value("${caitien.reporting.url}") String baseUrl,
                   @Value("${caitien.reporting.timeout:PT3S}") Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    ReadCopy fetch(String planId, String authorization) {
        if (authorization == null || authorization.isBlank()) return ReadCopy.unavailable("không có thẻ truy cập để hỏi");
        URI uri = URI.create(baseUrl + "/api/plans/" + URLEncoder.encode(planId, StandardCharsets.UTF_8) + "/chain");
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return ReadCopy.unavailable("không kết nối được tới " + baseUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadCopy.unavailable("bị ngắt khi đang hỏi " + baseUrl);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return ReadCopy.unavailable("dịch vụ báo cáo trả lời HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) return ReadCopy.unavailable("câu trả lời của dịch vụ báo cáo quá lớn");
            return parse(WireJson.mapper().readTree(bytes));
        } catch (IOException | RuntimeException e) {
            return ReadCopy.unavailable("câu trả lời của dịch vụ báo cáo không đọc được");
        }
    }

    static ReadCopy parse(JsonNode copy) throws IOException {
        List<ReadLink> events = new ArrayList<>();
        for (JsonNode e : copy.path("events")) {
            events.add(new ReadLink(e.path("sequence").asLong(-1), e.path("eventId").asText(""),
                    e.path("hash").asText(""), e.path("previousHash").asText("")));
        }
        List<ChainCheckpoint> checkpoints = new ArrayList<>();
        for (JsonNode c : copy.path("checkpoints")) checkpoints.add(WireJson.mapper().treeToValue(c, ChainCheckpoint.class));
        return ReadCopy.of(events, checkpoints);
    }
}
