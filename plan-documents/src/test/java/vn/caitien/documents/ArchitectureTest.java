package vn.caitien.documents;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Documents are read and written without a framework, a database or a service: any of them can use this module. */
@AnalyzeClasses(packages = "vn.caitien.documents", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworkNorService = noClasses().that().resideInAPackage("vn.caitien.documents..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "org.axonframework..", "java.sql..", "vn.caitien.planservice..");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("vn.caitien.documents.(*)..").should().beFreeOfCycles();
}
