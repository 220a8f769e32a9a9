package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.FINDING;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.testing.DemoStore;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.Finding;

import static org.trustbench.verify.VerificationEngine.VERSION;

/**
 * A re-check stores a case's result by moving its stamp when the result is the one stored (same digest), and replaces
 * its rows otherwise; either way the store then holds exactly what a fresh check gives, stamped with the re-check's time.
 * On the demo store (75 cases, every scenario), checked, then re-checked an hour later.
 */
class UnchangedRecheckTest {

    @TempDir
    Path tmp;

    private Clock first;
    private AppServices s;

    @BeforeEach
    void demoStoreChecked() {
        first = DemoStore.reset(folder(), LocalTime.of(9, 0));
        s = AppServices.open(folder(), Workspace.DEMO, first);
        s.checks().checkAll("test", (done, total) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void anUnchangedResultKeepsItsRowsAndMovesItsStamp() {
        Map<Long, Set<Long>> rowsBefore = findingRowIds();
        Map<Long, String> digestsBefore = digests();
        assertTrue(rowsBefore.values().stream().mapToInt(Set::size).sum() > 10, "the demo cases have findings: " + rowsBefore);
        assertTrue(digestsBefore.values().stream().allMatch(d -> d != null && d.length() == 64), "every check has a digest");

        reopenAt(first.instant().plus(Duration.ofHours(1)));
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, s.findingRepository().allCaseIds());
        s.checks().checkAll("test", (done, total) -> { }, () -> false);

        assertEquals(rowsBefore, findingRowIds(), "no finding row was rewritten");
        assertEquals(digestsBefore, digests());
        assertEquals(Set.of(OffsetDateTime.now(s.clock()).toInstant()), stamps(), "every case carries the re-check's time");
        assertEquals(fresh, DemoStore.storedFindings(s, s.findingRepository().allCaseIds()));
    }

    @Test
    void aChangedResultReplacesThatCaseOnly() {
        long changed = caseWithRegistryRecord();
        Map<Long, Set<Long>> rowsBefore = findingRowIds();
        Map<Long, String> digestsBefore = digests();
        long registry = s.store().dsl().select(EVIDENCE.ID).from(EVIDENCE).where(EVIDENCE.CASE_ID.eq(changed))
                .and(EVIDENCE.SOURCE.eq(EvidenceSource.REGULATOR.name())).limit(1).fetchOne(EVIDENCE.ID);
        String fields = s.store().dsl().select(EVIDENCE.FIELDS).from(EVIDENCE).where(EVIDENCE.ID.eq(registry))
                .fetchOne(EVIDENCE.FIELDS).data();
        String tampered = fields.replaceFirst("\"([^\"]+)\":\"([^\"]*)\"", "\"$1\":\"$2 X\"");
        assertNotEquals(fields, tampered);
        s.store().dsl().update(EVIDENCE).set(EVIDENCE.FIELDS, JSON.json(tampered)).where(EVIDENCE.ID.eq(registry)).execute();

        reopenAt(first.instant().plus(Duration.ofHours(1)));
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, s.findingRepository().allCaseIds());
        s.checks().checkAll("test", (done, total) -> { }, () -> false);

        Map<Long, Set<Long>> rowsAfter = findingRowIds();
        Map<Long, String> digestsAfter = digests();
        assertNotEquals(digestsBefore.get(changed), digestsAfter.get(changed), "the tampered record changes the result");
        assertTrue(rowsAfter.get(changed).stream().noneMatch(rowsBefore.get(changed)::contains), "its rows were replaced");
        rowsBefore.remove(changed);
        rowsAfter.remove(changed);
        assertEquals(rowsBefore, rowsAfter, "every other case kept its rows");
        assertEquals(fresh, DemoStore.storedFindings(s, s.findingRepository().allCaseIds()));
        assertEquals(Set.of(OffsetDateTime.now(s.clock()).toInstant()), stamps());
    }

    @Test
    void aRevokedIssuerChangesEveryCaseItSigned() {
        String keyId = s.store().dsl().select(TRUSTED_ISSUER.KEY_ID).from(TRUSTED_ISSUER).orderBy(TRUSTED_ISSUER.KEY_ID)
                .limit(1).fetchOne(TRUSTED_ISSUER.KEY_ID);
        Map<Long, String> digestsBefore = digests();
        s.store().dsl().update(TRUSTED_ISSUER).set(TRUSTED_ISSUER.REVOKED_AT, OffsetDateTime.now(first))
                .where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).execute();

        reopenAt(first.instant().plus(Duration.ofHours(1)));
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, s.findingRepository().allCaseIds());
        s.checks().checkAll("test", (done, total) -> { }, () -> false);

        assertEquals(fresh, DemoStore.storedFindings(s, s.findingRepository().allCaseIds()));
        long changed = digests().entrySet().stream().filter(e -> !e.getValue().equals(digestsBefore.get(e.getKey()))).count();
        assertTrue(changed > 0, "the revocation changed some results");
    }

    @Test
    void onlyARowStillAsItWasReadIsStamped() {
        long id = caseWithRegistryRecord();
        FindingRepository repo = s.findingRepository();
        FindingRepository.StoredCheck read = repo.storedChecks(List.of(id), VerificationEngine.VERSION).get(id);
        FindingRepository.CaseResult same = new FindingRepository.CaseResult(repo.findings(id), read.signatures());
        assertTrue(!read.signatures().isEmpty(), "a case with stored SM2 results");
        assertEquals(read.resultDigest(), StoredCheckForm.of(VERSION, same).digest(), "the digest is of what is stored");
        OffsetDateTime at = OffsetDateTime.now(first).plusHours(2);

        assertEquals(0, repo.save(Map.of(id, same), VERSION, at, Map.of(id, read)), "unchanged: stamped only");
        assertEquals(at.toInstant(), stamp(id));

        // another check stored a different result after this one read the row
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.RESULT_SM3, "0".repeat(64)).where(CASE_CHECK.CASE_ID.eq(id)).execute();
        assertEquals(1, repo.save(Map.of(id, same), VERSION, at.plusHours(1), Map.of(id, read)));
        assertEquals(read.resultDigest(), digests().get(id), "replaced, with its own digest");
        assertEquals(at.plusHours(1).toInstant(), stamp(id));

        // the SM2 results in the store are not those of the result (altered there): replaced, digest or not
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.SIGNATURE_RESULTS, JSON.json("{}")).where(CASE_CHECK.CASE_ID.eq(id))
                .execute();
        FindingRepository.StoredCheck altered = repo.storedChecks(List.of(id), VERSION).get(id);
        assertEquals(read.resultDigest(), altered.resultDigest());
        assertEquals(1, repo.save(Map.of(id, same), VERSION, at, Map.of(id, altered)));
        assertEquals(read.signaturesJson(), repo.storedChecks(List.of(id), VERSION).get(id).signaturesJson());

        assertEquals(1, repo.save(Map.of(id, same), "0.0.1", at, Map.of(id, read)),
                "another engine version's row is replaced even with the same digest");
        assertEquals(Map.of(), repo.storedChecks(List.of(id), VERSION), "now stored by the other version");
    }

    // ------------------------------------------------------------------ helpers

    private void reopenAt(java.time.Instant at) {
        s.close();
        s = AppServices.open(folder(), Workspace.DEMO, Clock.fixed(at, ZoneId.of("Asia/Shanghai")));
    }

    private DataFolder folder() {
        return new DataFolder(tmp.resolve("data"));
    }

    private java.time.Instant stamp(long id) {
        return s.store().dsl().select(CASE_CHECK.COMPUTED_AT).from(CASE_CHECK).where(CASE_CHECK.CASE_ID.eq(id))
                .fetchOne(CASE_CHECK.COMPUTED_AT).toInstant();
    }

    private long caseWithRegistryRecord() {
        return s.store().dsl().select(EVIDENCE.CASE_ID).from(EVIDENCE).where(EVIDENCE.SOURCE.eq(EvidenceSource.REGULATOR.name()))
                .orderBy(EVIDENCE.CASE_ID).limit(1).fetchOne(EVIDENCE.CASE_ID);
    }

    private Map<Long, Set<Long>> findingRowIds() {
        Map<Long, Set<Long>> out = new HashMap<>();
        for (long id : s.findingRepository().allCaseIds()) {
            out.put(id, Set.of());
        }
        s.store().dsl().select(FINDING.CASE_ID, FINDING.ID).from(FINDING).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toSet())))
                .forEach(out::put);
        return out;
    }

    private Map<Long, String> digests() {
        return s.store().dsl().select(CASE_CHECK.CASE_ID, CASE_CHECK.RESULT_SM3).from(CASE_CHECK)
                .fetchMap(CASE_CHECK.CASE_ID, CASE_CHECK.RESULT_SM3);
    }

    private Set<java.time.Instant> stamps() {
        return s.store().dsl().select(CASE_CHECK.COMPUTED_AT).from(CASE_CHECK).fetch(CASE_CHECK.COMPUTED_AT).stream()
                .map(OffsetDateTime::toInstant).collect(Collectors.toSet());
    }

}
