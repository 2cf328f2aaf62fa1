package vn.caitien.bench.hooks;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.caitien.planservice.PlanServiceApplication;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the profile {@code bench} the in-process load does not exist, even with this module on the class path. */
@Tag("integration")
@SpringBootTest(classes = PlanServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BenchEndpointAbsentTest extends ApiTestSupport {
    @LocalServerPort
    int port;

    @Test
    void thereIsNoSuchEndpoint() throws Exception {
        Api.Response response = new Api(port).send("POST", BenchEndpointTest.PATH, """
                {"commands": 1, "targets": [{"planId": "p", "itemId": "i"}],
                 "bodies": [{"status": "DANG_THUC_HIEN", "effectiveDate": "2023-10-20"}]}""", Tokens.admin());
        assertThat(response.status()).isEqualTo(404);
    }
}
