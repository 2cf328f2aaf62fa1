package vn.caitien.readside;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Plumbing every read service shares: it knows no service's read model and never decides anything. */
@AnalyzeClasses(packages = "vn.caitien.readside", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "vn.caitien.planservice..", "vn.caitien.monitoring..", "vn.caitien.reporting..");

    @ArchTest
    static final ArchRule sendsNoCommands = noClasses().should().dependOnClassesThat().areAssignableTo(CommandGateway.class);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("vn.caitien.readside.(*)..").should().beFreeOfCycles();
}
