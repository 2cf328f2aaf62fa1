package vn.caitien.readmodel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The kernel is plain Java over the contract: every read side can call it, none of its frameworks leak in. */
@AnalyzeClasses(packages = "vn.caitien.readmodel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFramework = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..", "com.fasterxml..",
            "jakarta..", "org.apache.kafka..", "io.micrometer..");

    @ArchTest
    static final ArchRule onlyTheContract = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "vn.caitien.api.wire..", "vn.caitien.api.chain..", "vn.caitien.api.lag..", "vn.caitien.api.access..",
            "vn.caitien.monitoring..", "vn.caitien.reporting..", "vn.caitien.planservice..");
}
