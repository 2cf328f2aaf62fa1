package vn.caitien.monitoring.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.IntegrationTest;
import vn.caitien.monitoring.support.Users;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One account cannot hold every live stream: past its own cap (5 by default) it gets 429 in Vietnamese. */
class LiveStreamLimitTest extends IntegrationTest {

    @Test
    void aSixthStreamOfTheSameUserIsRefusedWith429WhileOthersStillSubscribe() throws Exception {
        LiveStreams streams = new LiveStreams(api);
        try {
            for (int i = 0; i < 5; i++) streams.openWithQueryToken(Users.MONITOR_LDC.token());
            HttpResponse<String> refused = Api.client().send(HttpRequest.newBuilder(api.uri("/api/stream?access_token="
                            + URLEncoder.encode(Users.MONITOR_LDC.token(), StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(refused.body());
            assertThat(problem.get("title").asText()).isEqualTo("Quá nhiều yêu cầu");
            assertThat(problem.get("detail").asText()).isEqualTo("Tài khoản này đã mở 5 luồng theo dõi trực tiếp, tối đa 5 "
                    + "luồng mỗi người; hãy đóng bớt trang đang mở rồi thử lại");
            // Another user of the same school still subscribes; the capped user stays refused.
            streams.openWithQueryToken(Users.PRINCIPAL_LDC.token());
            assertThat(streams.refused(Users.MONITOR_LDC.token())).isEqualTo(429);
        } finally {
            streams.close();
        }
    }
}
