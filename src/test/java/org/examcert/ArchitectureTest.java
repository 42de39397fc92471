package org.examcert;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house's layering, checked on the compiled application (tests and the launcher excluded):
 * capabilities depend only downward, packages form no cycles, rules stay pure, transactions start
 * at boundaries and resources never hand out JPA entities. One instance for all the checks, so
 * the classes are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    /**
     * From the top down: a capability may use the ones on the levels below it, never one above it
     * nor its neighbour on the same level (candidates and question banks know nothing of each other).
     */
    static final List<List<String>> LEVELS = List.of(List.of("console"), List.of("certificate"), List.of("mail"),
            List.of("grading"), List.of("attempt"), List.of("contest"), List.of("candidate", "questionbank"),
            List.of("platform"));

    private static final String[] CAPABILITIES = LEVELS.stream().flatMap(List::stream)
            .filter(l -> !l.equals("platform")).toArray(String[]::new);

    private final JavaClasses application = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/examcert/launcher/"))
            .importPackages("org.examcert");

    static Stream<Arguments> layers() {
        return IntStream.range(0, LEVELS.size()).boxed().flatMap(i -> LEVELS.get(i).stream().map(layer -> {
            List<String> forbidden = new java.util.ArrayList<>();
            LEVELS.subList(0, i).forEach(forbidden::addAll);
            LEVELS.get(i).stream().filter(neighbour -> !neighbour.equals(layer)).forEach(forbidden::add);
            return Arguments.of(layer, forbidden);
        })).filter(a -> !((List<?>) a.get()[1]).isEmpty());
    }

    @ParameterizedTest(name = "{0} uses nothing of {1}")
    @MethodSource("layers")
    void capabilitiesDependOnlyDownward(String layer, List<String> above) {
        ArchRule rule = noClasses().that().resideInAPackage("org.examcert." + layer + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        above.stream().map(a -> "org.examcert." + a + "..").toArray(String[]::new))
                .because("a lower capability fires a CDI event or asks through an interface instead");
        rule.check(application);
    }

    @ParameterizedTest(name = "no cycles among {0}")
    @ValueSource(strings = {"org.examcert.(*)..", "org.examcert.platform.(*).."})
    void packagesFormNoCycles(String slicing) {
        slices().matching(slicing).should().beFreeOfCycles().allowEmptyShould(true).check(application);
    }

    @ParameterizedTest(name = "the rules of {0} import no container API")
    @MethodSource("capabilities")
    void rulesArePureJava(String capability) {
        // the top of the capability and its pure sub-packages (questionbank.format), not boundary/control/entity
        noClasses().that().resideInAPackage("org.examcert." + capability + "..")
                .and().resideOutsideOfPackages("..boundary..", "..control..", "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                        "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.transaction..")
                .because("rules sit at the top of their capability as plain Java, tested without a container")
                .allowEmptyShould(true)
                .check(application);
    }

    static Stream<String> capabilities() {
        return Arrays.stream(CAPABILITIES);
    }

    @Test
    void transactionsStartAtBoundaries() {
        noClasses().that().resideOutsideOfPackage("..boundary..")
                .should().beAnnotatedWith(jakarta.transaction.Transactional.class)
                .because("a transaction starts where a request or an event enters a capability").check(application);
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage("..boundary..")
                .should().beAnnotatedWith(jakarta.transaction.Transactional.class)
                .because("a transaction starts where a request or an event enters a capability").check(application);
    }

    @Test
    void resourcesReturnNoEntities() {
        methods().that().areAnnotatedWith(jakarta.ws.rs.GET.class)
                .or().areAnnotatedWith(jakarta.ws.rs.POST.class)
                .or().areAnnotatedWith(jakarta.ws.rs.PUT.class)
                .or().areAnnotatedWith(jakarta.ws.rs.DELETE.class)
                .or().areAnnotatedWith(jakarta.ws.rs.PATCH.class)
                .or().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("no entity",
                        (com.tngtech.archunit.core.domain.JavaClass type) -> !type.getPackageName().contains(".entity")))
                .because("an entity leaks columns and lazy relations; a resource answers with a view record")
                .check(application);
    }
}
