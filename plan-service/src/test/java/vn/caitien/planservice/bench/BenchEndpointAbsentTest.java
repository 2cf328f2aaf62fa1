package vn.caitien.planservice.bench;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the profile {@code bench} (as in production) the in-process load does not exist. */
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
