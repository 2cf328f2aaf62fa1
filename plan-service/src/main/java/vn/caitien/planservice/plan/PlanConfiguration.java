package vn.caitien.planservice.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.catalog.FrameworkCatalog;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
public class PlanConfiguration {
    /** Schools work in Vietnam's time zone; "today" for a plan is today in Hà Nội. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Injected into the Plan's command handlers to check criteria against the plan's framework. */
    @Bean
    FrameworkCatalog frameworkCatalog() { return FrameworkCatalog.standard(); }

    @Bean
    Clock clock() { return Clock.system(VIETNAM); }
}
