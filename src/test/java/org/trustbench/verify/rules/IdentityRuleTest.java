package org.trustbench.verify.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.verify.CaseFixtures.CST;
import static org.trustbench.verify.CaseFixtures.IDENTITY;
import static org.trustbench.verify.CaseFixtures.LEGAL_REP;
import static org.trustbench.verify.CaseFixtures.TODAY;
import static org.trustbench.verify.CaseFixtures.assertFinding;
import static org.trustbench.verify.CaseFixtures.clean;
import static org.trustbench.verify.CaseFixtures.item;
import static org.trustbench.verify.CaseFixtures.only;
import static org.trustbench.verify.CaseFixtures.ref;
import static org.trustbench.verify.CaseFixtures.run;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.verify.CaseFixtures;

class IdentityRuleTest {

    private static List<Finding> check(CaseFixtures.Builder b) {
        return run(new IdentityRule(), b);
    }

    private static String checkedOn(LocalDate day) {
        return day.atTime(9, 30).atOffset(CST).toString();
    }

    private static EvidenceItem secondCheck(String result, OffsetDateTime at) {
        return item(42, EvidenceKind.IDENTITY, EvidenceSource.REGULATOR, "法定代表人实名核验（复核）",
                Map.of("person", LEGAL_REP, "method", "BANK_CARD", "checkedAt", at.toString(), "result", result),
                null, null, at, List.of());
    }

    @Test
    void recentPassedCheckOfTheLegalRepHasNoFinding() {
        assertTrue(check(clean()).isEmpty());
    }

    @Test
    void missingCheckIsABlocker() {
        assertFinding(only(check(clean().without(IDENTITY))), "ID-CHECK", Severity.BLOCKER, "finding.ID-CHECK.missing",
                List.of(), List.of(EvidenceRef.caseField("identity")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAILED", "MISMATCH", "passed"})
    void checkThatDidNotPassIsABlockerWithResultAndMethod(String result) {
        assertFinding(only(check(clean().field(IDENTITY, "result", result))), "ID-CHECK", Severity.BLOCKER,
                "finding.ID-CHECK.failed", List.of(result, "FACE_MATCH"), List.of(ref(IDENTITY, "result")));
    }

    /** The officer reads "result null" otherwise; InspectionRule shows "—" for the same situation. */
    @Test
    void checkWithoutAResultShowsADashNotNull() {
        Finding f = only(check(clean().field(IDENTITY, "result", null)));
        assertEquals("finding.ID-CHECK.failed", f.messageKey());
        assertEquals(List.of("—", "FACE_MATCH"), f.args());
    }

    @Test
    void checkOfAnotherPersonIsABlocker() {
        assertFinding(only(check(clean().field(IDENTITY, "person", "李卫东"))), "ID-CHECK", Severity.BLOCKER,
                "finding.ID-CHECK.otherPerson", List.of("李卫东", LEGAL_REP), List.of(ref(IDENTITY, "person")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"顾 明哲", "顾明哲　", " 顾明哲"})
    void personWrittenWithSpacesIsTheSamePerson(String person) {
        assertTrue(check(clean().field(IDENTITY, "person", person)).isEmpty());
    }

    @Test
    void checkWithoutPersonIsNotAnotherPerson() {
        assertTrue(check(clean().field(IDENTITY, "person", null)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-10-01", "yesterday"})
    void checkWithoutAParsableTimeIsAWarning(String checkedAt) {
        assertFinding(only(check(clean().field(IDENTITY, "checkedAt", checkedAt))), "ID-CHECK", Severity.WARNING,
                "finding.ID-CHECK.noTime", List.of(), List.of(ref(IDENTITY, "checkedAt")));
    }

    @Test
    void checkWithoutTimeFieldIsAWarning() {
        assertEquals("finding.ID-CHECK.noTime", only(check(clean().field(IDENTITY, "checkedAt", null))).messageKey());
    }

    @Test
    void checkOlderThan180DaysIsAWarning() {
        LocalDate day = TODAY.minusDays(181);
        assertFinding(only(check(clean().field(IDENTITY, "checkedAt", checkedOn(day)))), "ID-CHECK", Severity.WARNING,
                "finding.ID-CHECK.old", List.of(day.toString(), "180"), List.of(ref(IDENTITY, "checkedAt")));
    }

    @Test
    void checkExactly180DaysOldIsStillAccepted() {
        assertTrue(check(clean().field(IDENTITY, "checkedAt", checkedOn(TODAY.minusDays(180)))).isEmpty());
    }

    @Test
    void checkTimeIsReadInItsOwnOffset() {
        // 00:30 Beijing time on the 180th day back is that day in Shanghai, though still the day before in UTC.
        String late = TODAY.minusDays(180).atTime(0, 30).atOffset(CST).toString();
        assertTrue(check(clean().field(IDENTITY, "checkedAt", late)).isEmpty());
    }

    @Test
    void latestCheckDecides() {
        OffsetDateTime older = OffsetDateTime.parse(clean().item(IDENTITY).field("checkedAt")).minusDays(10);
        OffsetDateTime newer = older.plusDays(20);
        assertTrue(check(clean().add(secondCheck("FAILED", older))).isEmpty(), "an older failed check is superseded");
        assertEquals("finding.ID-CHECK.failed", only(check(clean().add(secondCheck("FAILED", newer)))).messageKey());
    }

    @Test
    void failedCheckOfAnotherPersonGivesBothBlockers() {
        List<Finding> f = check(clean().field(IDENTITY, "result", "FAILED").field(IDENTITY, "person", "李卫东"));
        assertEquals(List.of("finding.ID-CHECK.failed", "finding.ID-CHECK.otherPerson"),
                f.stream().map(Finding::messageKey).toList());
    }
}
