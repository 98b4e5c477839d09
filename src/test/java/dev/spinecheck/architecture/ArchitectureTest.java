package dev.spinecheck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The architecture runs one way: commands and shell call the engine, never the reverse. (The rules are checked from
 * plain JUnit tests: ArchUnit's own JUnit engine is not discovered with this JUnit Platform and would pass silently.)
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.spinecheck");

    @Test
    void the_engine_uses_nothing_but_java_and_itself() {
        ArchRule rule = classes()
            .that().resideInAPackage("dev.spinecheck.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.spinecheck.engine..");
        rule.check(PRODUCT);
    }

    @Test
    void loading_knows_the_engine_but_no_commands_rendering_or_terminal() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck.load..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.spinecheck.cli..", "dev.spinecheck.render..",
                    "dev.spinecheck.script..", "dev.spinecheck.shell..", "picocli..", "org.jline..");
        rule.check(PRODUCT);
    }

    @Test
    void scripted_screening_and_rendering_never_call_commands_or_the_terminal() {
        ArchRule rule = noClasses()
            .that().resideInAnyPackage("dev.spinecheck.script..", "dev.spinecheck.render..", "dev.spinecheck.files..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.spinecheck.cli..", "dev.spinecheck.shell..", "picocli..");
        rule.check(PRODUCT);
    }

    @Test
    void no_cycles_between_packages() {
        ArchRule rule = slices().matching("dev.spinecheck.(*)..").should().beFreeOfCycles();
        rule.check(PRODUCT);
    }

    @Test
    void the_product_never_opens_a_network_connection() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel");
        rule.check(PRODUCT);
    }

    /**
     * One exception: {@code spinecheck learn} shows a long topic through the person's pager ($PAGER, or less), as git
     * does, and a pager is a process. Only {@code cli.Pager} may start it, and only for text on a terminal.
     */
    @Test
    void the_product_never_starts_a_process_except_the_pager_of_learn() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..").and().doNotHaveFullyQualifiedName("dev.spinecheck.cli.Pager")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().callMethod(Runtime.class, "exec", String.class);
        rule.check(PRODUCT);
    }

    @Test
    void only_the_entry_point_exits() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..").and().doNotHaveFullyQualifiedName("dev.spinecheck.Main")
            .should().callMethod(System.class, "exit", int.class);
        rule.check(PRODUCT);
    }
}
