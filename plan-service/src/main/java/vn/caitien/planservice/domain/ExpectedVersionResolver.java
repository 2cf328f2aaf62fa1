package vn.caitien.planservice.domain;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Optimistic concurrency the Axon way without a version field on the commands (they belong to
 * plan-api): the version a client's change is based on travels in the command's metadata
 * ({@value #EXPECTED_VERSION}, from {@code If-Match}) and becomes the expected version Axon's
 * repository checks when it loads the plan, under the plan's lock, in the command's unit of work.
 * The plan id still comes from {@code @TargetAggregateIdentifier}.
 */
public class ExpectedVersionResolver implements CommandTargetResolver {
    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        if (command.getMetaData().get(EXPECTED_VERSION) instanceof Number expected) {
            return new VersionedAggregateIdentifier(target.getIdentifierValue(), expected.longValue());
        }
        return target;
    }
}
