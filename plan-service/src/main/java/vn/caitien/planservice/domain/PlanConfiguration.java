package vn.caitien.planservice.domain;

import vn.caitien.api.plan.BusinessTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.catalog.FrameworkCatalog;

import java.time.Clock;

/** The Plan's collaborators: its framework catalogue, its size limits ({@link PlanLimits}), its clock. */
@Configuration
@EnableConfigurationProperties(PlanLimits.class)
public class PlanConfiguration {
    /** Schools work in Vietnam's time zone; "today" for a plan is today in Hà Nội. */

    /** Injected into the Plan's command handlers to check criteria against the plan's framework. */
    @Bean
    FrameworkCatalog frameworkCatalog() { return FrameworkCatalog.standard(); }

    /** Named by {@code @Aggregate(commandTargetResolver = ...)} on {@link Plan}. */
    @Bean
    ExpectedVersionResolver planTargetResolver() { return new ExpectedVersionResolver(); }

    @Bean
    Clock clock() { return Clock.system(BusinessTime.ZONE); }
}
