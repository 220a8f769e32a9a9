package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.Messages;
import org.trustbench.training.Dataset;

/** Every problem scenario of the demo dataset produces exactly its intended findings; every clean case none. */
class DemoScenarioFindingsTest {

    static final Map<String, String> RULE_OF_TAG = Map.ofEntries(
            Map.entry("CREDENTIAL_EXPIRED", "CRED-VALIDITY"),
            Map.entry("CREDENTIAL_OUT_OF_SCOPE", "CRED-SCOPE"),
            Map.entry("LICENCE_REVOKED", "LIC-STATUS"),
            Map.entry("LICENCE_CANCELLED", "LIC-STATUS"),
            Map.entry("NAME_MISMATCH", "NAME-MISMATCH"),
            Map.entry("ADDRESS_MISMATCH", "ADDR-MISMATCH"),
            Map.entry("NO_INSPECTION", "PREM-INSPECTION"),
            Map.entry("USCC_CHECK_DIGIT", "USCC-CHECK"),
            Map.entry("PERFORMER_DIFFERS", "PERFORMER"),
            Map.entry("AUTHORISATION_EXPIRED", "AUTH-VALIDITY"),
            Map.entry("OUT_OF_REMIT", "REMIT"),
            Map.entry("SIGNATURE_INVALID", "SIG-REGISTRY"),
            Map.entry("SIGNATURE_UNKNOWN_ISSUER", "SIG-REGISTRY"),
            Map.entry("SIGNATURE_MISSING", "SIG-REGISTRY"));

    @TempDir
    Path tmp;

    @Test
    void everyScenarioYieldsExactlyItsRules() {
        Map<String, String> problems = new TreeMap<>();
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            Dataset d = probe.demoWorkspace().source("default") != null
                    ? probe.demoWorkspace().reset(probe.demoWorkspace().source("default")) : null;
            Clock atReference = Clock.fixed(d.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                    ZoneId.of("Asia/Shanghai"));
            try (AppServices services = reopen(probe, atReference)) {
                services.checks().checkAll("test", (done, total) -> { }, () -> false);
                Messages en = Messages.forLocale(Messages.ENGLISH);
                for (FilingCase c : d.batch().cases()) {
                    long id = services.caseQueueRepository().findIdByCaseNo(c.caseNo()).orElseThrow();
                    List<Finding> findings = services.findingRepository().findings(id);
                    Set<String> actual = findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
                    Set<String> expected = d.scenarios().get(c.caseNo()).stream().map(t -> {
                        assertTrue(RULE_OF_TAG.containsKey(t), "unknown scenario tag " + t);
                        return RULE_OF_TAG.get(t);
                    }).collect(Collectors.toCollection(TreeSet::new));
                    if (!expected.equals(actual)) {
                        problems.put(c.caseNo(), d.scenarios().get(c.caseNo()) + " expected " + expected + " got " + actual + ": "
                                + findings.stream().map(f -> en.getWithKeyArgs(f.messageKey(), f.args())).toList());
                    }
                    for (Finding f : findings) {
                        String text = en.getWithKeyArgs(f.messageKey(), f.args());
                        assertTrue(!text.startsWith("!") && !text.contains("{"), "untranslated: " + text);
                    }
                }
            }
        }
        assertEquals(Map.of(), problems, String.join("\n", problems.values()));
    }

    private AppServices reopen(AppServices probe, Clock clock) {
        DataFolder folder = new DataFolder(tmp.resolve("probe"));
        probe.close();
        return AppServices.open(folder, Workspace.DEMO, clock);
    }
}
