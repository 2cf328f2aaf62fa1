package vn.caitien.bench.hooks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Adds the benchmark's in-process command load to plan-service. plan-service's own code knows nothing of it: the
 * benchmark puts this jar on the service's class path (Spring Boot's {@code loader.path}), where Spring Boot
 * finds this auto-configuration, and starts the service with the profile {@code bench}, without which it adds
 * nothing even when the jar is there.
 */
@AutoConfiguration
@Profile("bench")
@Import({BenchController.class, InProcessProgressLoad.class})
public class BenchHooksConfiguration {
}
