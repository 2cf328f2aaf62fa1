package vn.caitien.planservice.view;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How plan-service's own view is kept: in the command's transaction, its failure the command's failure. */
@Configuration
public class PlanViewConfiguration {
    /**
     * plan-service's own view is written in the command's transaction: if it cannot be written the
     * command must fail, never answer success while the rolled-back transaction stored nothing.
     */
    @Bean
    ConfigurerModule planViewFailsTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                PlanViewProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
