package org.bangui.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import boundaries of the hexagon, as named rules with their reasons. */
@AnalyzeClasses(packages = "org.bangui",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ExcludeGenerated.class})
class ArchitectureTest {

    private static final String DOMAIN = "org.bangui.domain..";
    private static final String APPLICATION = "org.bangui.application..";
    private static final String ADAPTERS = "org.bangui.adapters..";
    private static final String BOOTSTRAP = "org.bangui.bootstrap..";
    private static final String WEB = "org.bangui.adapters.web..";
    private static final String IN_PROCESS = "org.bangui.adapters.inprocess..";
    private static final String GEOIP = "org.bangui.adapters.geoip..";
    private static final String HTTP = "org.bangui.adapters.http..";
    private static final DescribedPredicate<JavaClass> DOMAIN_PORT = DescribedPredicate.describe("a domain port",
            c -> c.getSimpleName().endsWith("Port") && c.getPackageName().startsWith("org.bangui.domain"));

    /** Micronaut writes {@code $Foo$Definition} and similar classes; they are the framework's, not ours. */
    static final class ExcludeGenerated implements ImportOption {
        @Override
        public boolean includes(Location location) {
            // generated bean definitions, and the test-jars (contracts, fakes, sandboxes) that the tests here use
            return !location.matches(java.util.regex.Pattern.compile(".*/\\$[^/]*\\.class"))
                    && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar!/.*"));
        }
    }

    @ArchTest
    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is the stable core: no framework, no library, nothing that can change under it");

    @ArchTest
    static final ArchRule APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "javax.crypto..")
            .because("use cases are plain Java (the JDK's crypto included); the bootstrap factory wires them, "
                    + "so they need no annotations");

    @ArchTest
    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching("org.bangui.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter talks to one technology and meets the others only through ports");

    @ArchTest
    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the composition root: it knows everything and nobody knows it");

    @ArchTest
    static final ArchRule CORE_DOES_NOT_KNOW_THE_ADAPTERS = noClasses().that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP)
            .because("dependencies point inwards");

    @ArchTest
    static final ArchRule DOMAIN_HAS_NO_CYCLES = slices().matching("org.bangui.domain.(*)..")
            .should().beFreeOfCycles().because("domain capabilities must be understandable one at a time");

    @ArchTest
    static final ArchRule APPLICATION_HAS_NO_CYCLES = slices().matching("org.bangui.application.(*)..")
            .should().beFreeOfCycles().because("use cases must be understandable one at a time");

    @ArchTest
    static final ArchRule OUTGOING_PORTS_ARE_DOMAIN_INTERFACES = classes().that().haveSimpleNameEndingWith("Port")
            .should().beInterfaces().andShould().resideInAPackage(DOMAIN)
            .because("the design card puts the outgoing ports in the pure domain module");

    @ArchTest
    static final ArchRule USE_CASES_ARE_APPLICATION_INTERFACES = classes().that()
            .haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces().andShould().resideInAPackage(APPLICATION)
            .because("incoming ports are the application's interfaces");

    @ArchTest
    static final ArchRule ADAPTERS_ARE_NAMED_ADAPTER = classes().that().resideInAPackage(ADAPTERS)
            .and().implement(DOMAIN_PORT)
            .should().haveSimpleNameEndingWith("Adapter")
            .because("a port's implementation is recognisable by its name");

    @ArchTest
    static final ArchRule WEB_HOLDS_NO_OUTGOING_ADAPTERS = noClasses().that().resideInAPackage(WEB)
            .should().implement(DOMAIN_PORT)
            .because("the web module is the incoming HTTP adapter; what the core needs from the world (hashing, "
                    + "counters, logs, stores) is an outgoing adapter in its own module");

    @ArchTest
    static final ArchRule IN_PROCESS_ADAPTERS_NEED_NO_FRAMEWORK = noClasses().that().resideInAPackage(IN_PROCESS)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..")
            .because("in-process adapters are plain classes over one library each; bootstrap wires them");

    @ArchTest
    static final ArchRule GEOIP_AND_HTTP_ADAPTERS_NEED_NO_FRAMEWORK = noClasses().that()
            .resideInAnyPackage(GEOIP, HTTP)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..")
            .because("the geo-IP and HTTP adapters are plain classes over one library each; bootstrap wires them");

    @ArchTest
    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @Test
    void everyPackageTheRulesTargetHoldsClasses() {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new ExcludeGenerated())
                .importPackages("org.bangui");
        for (String pkg : List.of("org.bangui.domain.ban", "org.bangui.domain.jail", "org.bangui.domain.net",
                "org.bangui.domain.server", "org.bangui.domain.health", "org.bangui.domain.session",
                "org.bangui.domain.setup", "org.bangui.domain.audit", "org.bangui.domain.ratelimit",
                "org.bangui.application.session", "org.bangui.application.setup", "org.bangui.application.audit",
                "org.bangui.application.ratelimit", "org.bangui.adapters.web.security",
                "org.bangui.adapters.web.problem", "org.bangui.application.ban",
                "org.bangui.application.jail", "org.bangui.application.dashboard",
                "org.bangui.application.health", "org.bangui.application.job", "org.bangui.domain.job",
                "org.bangui.domain.scheduler", "org.bangui.adapters.fail2ban",
                "org.bangui.adapters.fail2ban.protocol", "org.bangui.adapters.persistence",
                "org.bangui.adapters.web", "org.bangui.adapters.inprocess", "org.bangui.adapters.redis",
                "org.bangui.domain.scheduler", "org.bangui.bootstrap", "org.bangui.domain.geo",
                "org.bangui.application.geo", "org.bangui.adapters.geoip", "org.bangui.adapters.http")) {
            assertThat(imported.stream().filter(c -> c.getPackageName().equals(pkg)).count())
                    .as("classes in %s", pkg).isPositive();
        }
    }
}
