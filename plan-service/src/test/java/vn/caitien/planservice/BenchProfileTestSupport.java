package vn.caitien.planservice;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The service with the {@code bench} profile (the in-process command load), one Spring context for every test
 * class that extends this. Beside the other tests' context in the same JVM it runs no Kafka publisher of its
 * own: two publishers would share the publishing token under the same owner name and publish events twice.
 * The events its tests store are published by the other context when there is one; a measurement that wants
 * the publisher's load in this context sets {@code -Dload.publish=true}.
 */
@ActiveProfiles("bench")
@TestPropertySource(properties = "axon.kafka.publisher.enabled=${load.publish:false}")
public abstract class BenchProfileTestSupport extends ApiTestSupport {
}
