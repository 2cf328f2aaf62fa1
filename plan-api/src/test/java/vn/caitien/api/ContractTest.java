package vn.caitien.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * plan-api is the contract every service and every outside consumer builds on: events, value types, the
 * criteria catalogue and the wire format. It needs no Spring and no database, and knows no service.
 */
@AnalyzeClasses(packages = "vn.caitien.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractTest {

    @ArchTest
    static final ArchRule noFrameworkOrDatabase = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "io.micrometer..");

    @ArchTest
    static final ArchRule knowsNoConsumer = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "vn.caitien.access..", "vn.caitien.readmodel..", "vn.caitien.readside..", "vn.caitien.planservice..",
            "vn.caitien.monitoring..", "vn.caitien.reporting..", "vn.caitien.documents..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("vn.caitien.api.(*)..").should().beFreeOfCycles();
}
