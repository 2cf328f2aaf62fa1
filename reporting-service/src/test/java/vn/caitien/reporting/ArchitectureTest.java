package vn.caitien.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** A read side: it only listens to the event stream and never decides anything. */
@AnalyzeClasses(packages = "vn.caitien.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sendsNoCommands = noClasses().should().dependOnClassesThat().areAssignableTo(CommandGateway.class);

    @ArchTest
    static final ArchRule knowsNoOtherService = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.caitien.planservice..", "vn.caitien.monitoring..");

    @ArchTest
    static final ArchRule handlersAreProjections = methods().that().areAnnotatedWith(EventHandler.class)
            .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Projection");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("vn.caitien.reporting.(*)..").should().beFreeOfCycles();
}
