package dev.spinecheck.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.NetworkChannel;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.json.JsonFactory;
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
            .should().dependOnClassesThat().resideInAnyPackage("dev.spinecheck.cli..", "dev.spinecheck.shell..", "picocli..",
                    "org.jline.terminal..", "org.jline.reader..", "org.jline.keymap..");
        rule.check(PRODUCT);
    }

    @Test
    void the_shell_never_uses_the_commands() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck.shell..")
            .should().dependOnClassesThat().resideInAPackage("dev.spinecheck.cli..");
        rule.check(PRODUCT);
    }

    @Test
    void files_uses_nothing_but_java_and_itself() {
        ArchRule rule = classes()
            .that().resideInAPackage("dev.spinecheck.files..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.spinecheck.files..");
        rule.check(PRODUCT);
    }

    @Test
    void no_product_class_is_named_like_a_jline_or_picocli_class() {
        Set<String> library = new ClassFileImporter().importPackages("org.jline", "picocli").stream()
                .filter(JavaClass::isTopLevelClass).map(JavaClass::getSimpleName).collect(Collectors.toSet());
        ArchRule rule = classes()
            .that().resideInAPackage("dev.spinecheck..").and().areTopLevelClasses()
            .should(haveANameNotIn(library));
        rule.check(PRODUCT);
    }

    private static ArchCondition<JavaClass> haveANameNotIn(Set<String> library) {
        return new ArchCondition<>("have a name no JLine or picocli class has") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean clash = library.contains(item.getSimpleName());
                events.add(new SimpleConditionEvent(item, !clash, item.getName()
                        + (clash ? " has the name of a JLine or picocli class" : " has a name of its own")));
            }
        };
    }

    @Test
    void json_output_comes_from_one_factory_in_render() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..")
            .and().doNotHaveFullyQualifiedName("dev.spinecheck.render.JsonOutput")
            .and().resideOutsideOfPackage("dev.spinecheck.load..")
            .should().callConstructor(JsonFactory.class)
            .orShould().callMethod(JsonFactory.class, "builder")
            .because("the output's JSON is written with render.JsonOutput's one factory (load makes its own, for reading)");
        rule.check(PRODUCT);
    }

    @Test
    void no_cycles_between_packages() {
        ArchRule rule = slices().matching("dev.spinecheck.(*)..").should().beFreeOfCycles();
        rule.check(PRODUCT);
    }

    @Test
    void the_product_never_opens_a_network_connection() {
        DescribedPredicate<JavaClass> network = resideInAnyPackage("java.net..", "javax.net..", "jdk.net..", "sun.net..")
                .and(not(type(URI.class)))
                .and(not(type(URISyntaxException.class)))
                .or(assignableTo(NetworkChannel.class))
                .as("are network types (java.net but URI and URISyntaxException, javax.net, socket and datagram channels)");
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..")
            .should().dependOnClassesThat(network);
        rule.check(PRODUCT);
    }

    /**
     * One exception: {@code spinecheck learn} shows a long topic through the person's pager ($PAGER, or less), as git
     * does, and a pager is a process. Only {@code cli.Pager} may start one (with a ProcessBuilder, waiting for its
     * Process), and only for text on a terminal; nothing, the pager included, runs Runtime.exec, halts, or reaches
     * other processes through ProcessHandle.
     */
    @Test
    void the_product_never_starts_a_process_except_the_pager_of_learn() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..").and().doNotHaveFullyQualifiedName("dev.spinecheck.cli.Pager")
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class);
        rule.check(PRODUCT);
    }

    @Test
    void the_product_never_runs_exec_halts_the_runtime_or_handles_other_processes() {
        DescribedPredicate<JavaMethodCall> execOrHalt = DescribedPredicate.describe("Runtime.exec* or Runtime.halt",
                call -> call.getTargetOwner().isAssignableTo(Runtime.class) && call.getName().matches("exec.*|halt"));
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..")
            .should().dependOnClassesThat().belongToAnyOf(ProcessHandle.class)
            .orShould().callMethodWhere(execOrHalt);
        rule.check(PRODUCT);
    }

    @Test
    void only_the_entry_point_exits() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("dev.spinecheck..").and().doNotHaveFullyQualifiedName("dev.spinecheck.Main")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class);
        rule.check(PRODUCT);
    }
}
