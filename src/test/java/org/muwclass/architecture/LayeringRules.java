package org.muwclass.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering of the code as ArchUnit rules, written for a root package so that the same rules check the real
 * code ({@code org.muwclass}) and the deliberate violations in {@code org.muwclass.architecture.violation}.
 *
 * <p>Ground floor {@code core} (plain Java: the method of the paper), then {@code tables} (STIL), then the entry
 * points {@code cli} and {@code service}. Inside {@code service}, {@code db} is the database alone and the generic
 * job engine {@code uws} knows nothing of the job kinds (TAP, classification) or the cluster.
 */
final class LayeringRules {

    private final String root;

    /** @param root the top package, e.g. {@code org.muwclass} */
    LayeringRules(String root) {
        this.root = root;
    }

    private String p(String relative) {
        return root + "." + relative;
    }

    /** The core is plain Java: no Jakarta EE, servlet/JAX-RS, JDBC or HTTP client types. */
    ArchRule corePlainJava() {
        return noClasses().that().resideInAPackage(p("core.."))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "javax.servlet..", "javax.ws..", "java.sql..", "java.net.http..")
                .because("the pipeline core must run without a container, a database or a network");
    }

    /** Table I/O (STIL) lives in {@code tables}, not in the core. */
    ArchRule coreFreeOfStil() {
        return noClasses().that().resideInAPackage(p("core.."))
                .should().dependOnClassesThat().resideInAPackage("uk.ac.starlink..")
                .because("STIL is an adapter at the edge (tables/)");
    }

    /** Weka lives in one package of the core: {@code core.learn.weka}. */
    ArchRule wekaOnlyInLearnWeka() {
        return noClasses().that().resideInAPackage(p("core.."))
                .and().resideOutsideOfPackage(p("core.learn.weka.."))
                .should().dependOnClassesThat().resideInAPackage("weka..")
                .because("Weka is one adapter among the learners, kept in core.learn.weka");
    }

    /** The core and the table layer know nothing of the entry points. */
    ArchRule coreAndTablesBelowEntryPoints() {
        return noClasses().that().resideInAnyPackage(p("core.."), p("tables.."))
                .should().dependOnClassesThat().resideInAnyPackage(p("service.."), p("cli.."))
                .because("core and tables are shared by the CLI and the service and sit below both");
    }

    /** The generic UWS engine knows no job kind and no cluster: they plug in through JobKind and JobCoordination. */
    ArchRule uwsFreeOfKindsAndCluster() {
        return noClasses().that().resideInAPackage(p("service.uws.."))
                .should().dependOnClassesThat().resideInAnyPackage(
                        p("service.tap.."), p("service.classify.."), p("service.cluster.."))
                .because("job kinds and the cluster plug into UWS, not the other way round");
    }

    /** {@code service.db} is the database alone: besides itself it uses only configuration and table metadata. */
    ArchRule dbIsTheDatabaseAlone() {
        return noClasses().that().resideInAPackage(p("service.db.."))
                .should().dependOnClassesThat(resideInAPackage(p("service..")).and(not(resideInAnyPackage(
                        p("service.db.."), p("service.config.."), p("service.meta..")))))
                .because("start-up lives in service.app and the protocols sit above the database");
    }

    /** No package cycles anywhere under the root: each package is one slice. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    List<ArchRule> all() {
        return List.of(corePlainJava(), coreFreeOfStil(), wekaOnlyInLearnWeka(), coreAndTablesBelowEntryPoints(),
                uwsFreeOfKindsAndCluster(), dbIsTheDatabaseAlone(), noPackageCycles());
    }
}
