package vn.caitien.bench.hooks;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanServiceApplication;

/**
 * plan-service with this module on its class path and the {@code bench} profile (the in-process command load),
 * one Spring context for every test class that extends this. Beside the other tests' context in the same JVM it runs no Kafka publisher of its
 * own: two publishers would share the publishing token under the same owner name and publish events twice.
 * The events its tests store are published by the other context when there is one; a measurement that wants
 * the publisher's load in this context sets {@code -Dload.publish=true}.
 */
@Tag("integration")
@SpringBootTest(classes = PlanServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@TestPropertySource(properties = "axon.kafka.publisher.enabled=${load.publish:false}")
public abstract class BenchProfileTestSupport extends ApiTestSupport {
}
