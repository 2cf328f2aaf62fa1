package vn.caitien.planservice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.access.Access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules the command side keeps as it grows. */
@AnalyzeClasses(packages = "vn.caitien", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule contractDependsOnNoService = noClasses().that().resideInAPackage("vn.caitien.api..")
            .should().dependOnClassesThat().resideInAPackage("vn.caitien.planservice..");

    @ArchTest
    static final ArchRule aggregateKnowsNoWebNorStorage = noClasses().that().haveSimpleName("Plan")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..",
                    "jakarta.servlet..", "vn.caitien.planservice.web..");

    @ArchTest
    static final ArchRule stateChangesOnlyInEventSourcingHandlers = methods().that()
            .areAnnotatedWith(EventSourcingHandler.class).should().beDeclaredInClassesThat().haveSimpleName("Plan");

    @ArchTest
    static final ArchRule controllersSendCommandsWithActor = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .because("commands carry who asked; CommandSender stamps it");

    @ArchTest
    static final ArchRule accessIsDecidedInOnePlace = noClasses().that().resideOutsideOfPackage("vn.caitien.planservice.security..")
            .and().resideInAPackage("vn.caitien.planservice..")
            .should().dependOnClassesThat().belongToAnyOf(Access.class, SecurityContextHolder.class)
            .because("who may do what is asked of Access through security.PlanGuard, with the caller from security.Callers");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOthersControllers = classes().that()
            .areAnnotatedWith(RestController.class).should().onlyBeAccessed().byClassesThat()
            .areAnnotatedWith(RestController.class);

    /** One direction only between the service's packages (the order is in package-info.java). */
    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("vn.caitien.planservice.(*)..").should().beFreeOfCycles();
}
