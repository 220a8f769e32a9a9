package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.AUTHORISATION;
import static org.trustbench.verify.CaseFixtures.IDENTITY;
import static org.trustbench.verify.CaseFixtures.INSPECTION;
import static org.trustbench.verify.CaseFixtures.INSPECTION_PHOTO_SM3;
import static org.trustbench.verify.CaseFixtures.MERCHANT_LICENCE;
import static org.trustbench.verify.CaseFixtures.OTHER_NAME;
import static org.trustbench.verify.CaseFixtures.OTHER_USCC;
import static org.trustbench.verify.CaseFixtures.PLATFORM_LICENCE;
import static org.trustbench.verify.CaseFixtures.PLATFORM_PREMISES;
import static org.trustbench.verify.CaseFixtures.REGISTRY_LICENCE;
import static org.trustbench.verify.CaseFixtures.TODAY;
import static org.trustbench.verify.CaseFixtures.TSG_LICENCE;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.only;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.Severity;
import org.trustbench.domain.SiteType;
import org.trustbench.domain.Uscc;
import org.trustbench.i18n.Messages;
import org.trustbench.verify.CheckInput.SignatureStatus;

class VerificationEngineTest {

    private static final VerificationEngine ENGINE = VerificationEngine.standard();

    /** A case with something wrong for every rule. */
    private static CaseFixtures.Builder everythingWrong() {
        return clean().providerUscc("91310115MA1K7Q2P00").registryStatus(RegistryStatus.REVOKED).termTo(TODAY.minusDays(1))
                .field(PLATFORM_LICENCE, "name", OTHER_NAME).field(MERCHANT_LICENCE, "uscc", OTHER_USCC)
                .field(PLATFORM_LICENCE, "legalRep", "李卫东")
                .field(PLATFORM_PREMISES, "address", "上海市闵行区郭守敬路1000弄12号3层301室")
                .field(INSPECTION, "result", "NOT_FOUND").field(INSPECTION, "address", "上海市浦东新区张衡路1000弄14号")
                .validTo(TSG_LICENCE, TODAY.minusDays(2)).field(TSG_LICENCE, "scope", "REMOTE_DIAGNOSTICS")
                .field(IDENTITY, "result", "FAILED").field(IDENTITY, "person", "李卫东").field(IDENTITY, "checkedAt", null)
                .validTo(AUTHORISATION, TODAY.minusDays(1)).field(AUTHORISATION, "authorisedUscc", OTHER_USCC)
                .field(AUTHORISATION, "equipment", "")
                .performer(OTHER_USCC, OTHER_NAME)
                .equipment(new Equipment("4300", "Liebherr", "172 EC-B", "LH172-20419", true, SiteType.CONSTRUCTION_SITE),
                        CaseFixtures.PAVER)
                .signature(REGISTRY_LICENCE, SignatureStatus.INVALID)
                .registryRefreshedAt(TODAY.minusDays(400).atStartOfDay().atOffset(CaseFixtures.CST))
                .corrupt(INSPECTION_PHOTO_SM3);
    }

    @Test
    void cleanFixtureHasNoFindings() {
        assertEquals(List.of(), ENGINE.check(clean().input()));
    }

    @Test
    void fixtureCodesAreValid() {
        assertEquals(Uscc.Result.VALID, Uscc.validate(CaseFixtures.USCC));
        assertEquals(Uscc.Result.VALID, Uscc.validate(OTHER_USCC));
    }

    @Test
    void standardEngineRunsEveryRuleWithDistinctIds() {
        List<String> ids = ENGINE.rules().stream().flatMap(r -> r.ids().stream()).toList();
        assertEquals(13, ENGINE.rules().size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique: " + ids);
        assertEquals(new TreeSet<>(List.of("USCC-FORMAT", "USCC-CHECK", "LIC-STATUS", "LIC-TERM", "NAME-MISMATCH",
                "USCC-MISMATCH", "REP-MISMATCH", "ADDR-MISMATCH", "PREM-INSPECTION", "CRED-VALIDITY", "CRED-SCOPE", "ID-CHECK",
                "AUTH-VALIDITY", "AUTH-PARTY", "AUTH-SCOPE", "PERFORMER", "SIG-REGISTRY", "REMIT", "REGISTRY-STALE",
                "ATT-DIGEST")), new TreeSet<>(ids));
    }

    @Test
    void everyRuleFiresOnTheBrokenCaseAndOnlyWithItsOwnIds() {
        List<Finding> all = ENGINE.check(everythingWrong().input());
        for (Rule r : ENGINE.rules()) {
            List<Finding> own = new ArrayList<>();
            r.check(everythingWrong().input(), own);
            assertFalse(own.isEmpty(), r.getClass().getSimpleName() + " fires");
            for (Finding f : own) {
                assertTrue(r.ids().contains(f.ruleId()), f.ruleId() + " declared by " + r.getClass().getSimpleName());
                assertTrue(f.messageKey().startsWith("finding." + f.ruleId() + "."), f.messageKey());
                assertFalse(f.refs().isEmpty(), "every finding points at evidence: " + f);
            }
        }
        // Every id but USCC-FORMAT, which excludes USCC-CHECK (a malformed code has no check character to fail).
        Set<String> expected = ENGINE.rules().stream().flatMap(r -> r.ids().stream()).filter(id -> !id.equals("USCC-FORMAT"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, all.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void findingsAreMostSevereFirstAndInRuleOrderWithinASeverity() {
        List<Finding> all = ENGINE.check(everythingWrong().input());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).severity().compareTo(all.get(i).severity()) <= 0, "sorted by severity: " + all);
        }
        // Within a severity, findings keep the order of the rules that raised them (the sort is stable).
        for (Severity severity : Severity.values()) {
            List<Integer> ruleIndexes = all.stream().filter(f -> f.severity() == severity)
                    .map(f -> ruleClassIndex(f.ruleId())).toList();
            List<Integer> sorted = new ArrayList<>(ruleIndexes);
            sorted.sort(null);
            assertEquals(sorted, ruleIndexes, severity + " findings in rule order");
        }
        assertEquals(Severity.BLOCKER, all.get(0).severity());
        assertEquals(Severity.WARNING, all.get(all.size() - 1).severity());
    }

    private static int ruleClassIndex(String ruleId) {
        List<Rule> rules = ENGINE.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).ids().contains(ruleId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void pilotEraCodeAloneIsOneWarningAndNothingElse() {
        Finding f = only(ENGINE.check(clean().filerUscc("91350211M00013FA1N").input()));
        assertEquals("USCC-CHECK", f.ruleId());
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void registryRecordsWithoutSignatureResultsAreWarnings() {
        List<Finding> f = ENGINE.check(new CheckInput(clean().build(), TODAY, VerificationSettings.DEFAULTS,
                java.util.Map.of(), Set.of()));
        assertEquals(Set.of("SIG-REGISTRY"), f.stream().map(Finding::ruleId).collect(Collectors.toSet()));
        assertEquals(Set.of(new EvidenceRef(REGISTRY_LICENCE, null), new EvidenceRef(TSG_LICENCE, null),
                new EvidenceRef(IDENTITY, null)), f.stream().flatMap(x -> x.refs().stream()).collect(Collectors.toSet()));
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
    }

    @Test
    void engineWithoutRulesFindsNothing() {
        assertEquals(List.of(), new VerificationEngine(List.of()).check(everythingWrong().input()));
    }

    @Test
    void engineIsDeterministic() {
        assertEquals(ENGINE.check(everythingWrong().input()), ENGINE.check(everythingWrong().input()));
    }

    @Test
    void everyFindingRendersInBothLanguages() {
        List<Finding> all = new ArrayList<>(ENGINE.check(everythingWrong().input()));
        // Variants the broken case cannot show at the same time.
        all.addAll(ENGINE.check(clean().without(INSPECTION, IDENTITY, AUTHORISATION, TSG_LICENCE, CaseFixtures.ENGINEER_CERT)
                .performer(OTHER_USCC, OTHER_NAME).subcontractDeclared(true)
                .signature(TSG_LICENCE, SignatureStatus.UNKNOWN_ISSUER).input()));
        for (Locale locale : Messages.SUPPORTED) {
            Messages m = Messages.forLocale(locale);
            for (Finding f : all) {
                assertTrue(m.has(f.messageKey()), locale + " lacks " + f.messageKey());
                String text = m.getWithKeyArgs(f.messageKey(), f.args());
                assertFalse(text.contains("{") || text.startsWith("!") || text.contains("#"), locale + ": " + text);
            }
        }
    }
}
