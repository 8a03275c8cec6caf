package org.muwclass.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ViolationHandler;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link LayeringRules} fail on the deliberate violations under {@code org.muwclass.architecture.violation}
 * and report exactly the offending classes (the allowed neighbours, e.g. Weka in {@code core.learn.weka} or
 * {@code db} reading {@code config}, are not reported).
 */
class LayeringViolationTest {

    private static final String ROOT = "org.muwclass.architecture.violation";
    private static final LayeringRules RULES = new LayeringRules(ROOT);
    private static JavaClasses violations;

    @BeforeAll
    static void importViolations() {
        violations = new ClassFileImporter().importPackages(ROOT);
    }

    @Test
    void corePlainJavaRuleReportsJdbcAndHttpClientUse() {
        assertEquals(Set.of(ROOT + ".core.model.ImpureCore"), offenders(RULES.corePlainJava()));
    }

    @Test
    void stilRuleReportsStilInCore() {
        assertEquals(Set.of(ROOT + ".core.training.StilInCore"), offenders(RULES.coreFreeOfStil()));
    }

    @Test
    void wekaRuleReportsWekaOutsideCoreLearnWekaOnly() {
        assertEquals(Set.of(ROOT + ".core.learn.WekaInLearn"), offenders(RULES.wekaOnlyInLearnWeka()));
    }

    @Test
    void entryPointRuleReportsTablesCallingTheCli() {
        assertEquals(Set.of(ROOT + ".tables.TableUsesCli"), offenders(RULES.coreAndTablesBelowEntryPoints()));
    }

    @Test
    void uwsRuleReportsTheEngineNamingAJobKind() {
        assertEquals(Set.of(ROOT + ".service.uws.UwsUsesTap"), offenders(RULES.uwsFreeOfKindsAndCluster()));
    }

    @Test
    void dbRuleReportsStartUpInDbButNotConfigReading() {
        assertEquals(Set.of(ROOT + ".service.db.DbStartsTap"), offenders(RULES.dbIsTheDatabaseAlone()));
    }

    @Test
    void cycleRuleReportsTheDbTapLoop() {
        EvaluationResult result = RULES.noPackageCycles().evaluate(violations);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.startsWith("Cycle detected: Slice service.db -> "), report);
        assertTrue(report.contains("Slice service.tap -> "), report);
        assertEquals(1, result.getFailureReport().getDetails().size(), report);
    }

    /** The classes whose dependencies break the rule. */
    private static Set<String> offenders(ArchRule rule) {
        EvaluationResult result = rule.evaluate(violations);
        assertTrue(result.hasViolation(), rule.getDescription());
        Set<String> origins = new TreeSet<>();
        result.handleViolations(new ViolationHandler<Dependency>() {
            @Override
            public void handle(Collection<Dependency> violating, String message) {
                violating.forEach(d -> origins.add(d.getOriginClass().getName()));
            }
        });
        return origins;
    }
}
