package org.trustbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.testing.DemoStore;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.verify.CheckInput.SignatureStatus;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.SignatureResultMac;
import org.trustbench.verify.StoredSignatureResult;
import org.trustbench.verify.VerificationEngine;
import org.trustbench.verify.VerificationSettings;

/**
 * Opening a case uses the (authenticated, see {@link AuthenticatedSignatureResultsTest}) SM2 results its last check stored, and still shows exactly what a fresh check of every
 * signature gives now: after the evidence changed, a key was revoked (also one whose revocation only takes effect
 * later), a key stopped or started being trusted, with another engine version, or when the case was never checked.
 */
class StoredSignatureResultsTest {

    @TempDir
    Path tmp;

    private Clock clock;
    private AppServices s;
    private ReviewService review;

    @BeforeEach
    void demoStoreChecked() {
        clock = DemoStore.reset(folder());
        open(clock);
        s.checks().checkAll("test", (done, total) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void openingMatchesAFreshCheckOfEveryCaseAndCoversEveryStatus() {
        List<SignatureStatus> seen = new ArrayList<>();
        for (long id : ids()) {
            Map<Long, SignatureStatus> shown = review.load(id).orElseThrow().signatures();
            assertEquals(fresh(id), shown, "case " + id);
            seen.addAll(shown.values());
        }
        for (SignatureStatus st : List.of(SignatureStatus.VALID, SignatureStatus.INVALID, SignatureStatus.MISSING,
                SignatureStatus.UNKNOWN_ISSUER)) {
            assertTrue(seen.contains(st), "the demo data has a " + st + " signature");
        }
    }

    @Test
    void theStoredResultIsWhatOpeningUses() {
        long id = caseWith(SignatureStatus.VALID);
        Map<String, StoredSignatureResult> stored = s.findingRepository().lastCheck(id).signatures();
        assertFalse(stored.isEmpty(), "the check stored its SM2 results");
        assertTrue(stored.values().stream().allMatch(StoredSignatureResult::valid), "a valid case's results: " + stored);
        AtomicInteger sm2 = new AtomicInteger();
        ReviewService counting = new ReviewService(s.caseQueueRepository(), s.findingRepository(), new CheckService(
                s.caseQueueRepository(), s.findingRepository(), VerificationEngine.standard(), VerificationSettings.DEFAULTS,
                s.audit(), clock, SignatureResultMac.derivedFrom(s.workstationKeys().privateKey()), (key, data, sig) -> {
                    sm2.incrementAndGet();
                    return Sm2.verify(key, data, sig);
                }));
        assertEquals(fresh(id), counting.load(id).orElseThrow().signatures());
        assertEquals(0, sm2.get(), "opening used the stored results instead of verifying");
        // An untagged result, as V7 stored it, counts as absent: forged to false, it is verified afresh.
        setStored(id, stored.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> false)));
        assertEquals(fresh(id), counting.load(id).orElseThrow().signatures());
        assertEquals(stored.size(), sm2.get(), "untagged results verified afresh");
        s.checks().checkCase(id);
        assertEquals(stored, s.findingRepository().lastCheck(id).signatures(), "the check stored tagged results again");
    }

    @Test
    void changedEvidenceIsVerifiedAgainOnOpening() {
        long id = caseWith(SignatureStatus.VALID);
        EvidenceItem registry = registryItems(id).get(0);
        String fields = s.store().dsl().select(EVIDENCE.FIELDS).from(EVIDENCE).where(EVIDENCE.ID.eq(registry.id()))
                .fetchOne(EVIDENCE.FIELDS).data();
        String tampered = fields.replaceFirst("\\{", "{\"tampered\":\"1\",");
        s.store().dsl().update(EVIDENCE).set(EVIDENCE.FIELDS, JSON.json(tampered)).where(EVIDENCE.ID.eq(registry.id())).execute();
        Map<Long, SignatureStatus> shown = review.load(id).orElseThrow().signatures();
        assertEquals(SignatureStatus.INVALID, shown.get(registry.id()), "not re-checked, yet the change is seen");
        assertEquals(fresh(id), shown);
    }

    @Test
    void revocationAndTrustAreAppliedAsTheyAreNow() {
        long id = caseWith(SignatureStatus.VALID);
        String keyId = registryItems(id).get(0).signature().keyId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // revoked from tomorrow: still valid today, revoked the day after, without any re-check in between
        s.store().dsl().update(TRUSTED_ISSUER).set(TRUSTED_ISSUER.REVOKED_AT, now.plusDays(1))
                .where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).execute();
        assertEquals(fresh(id), review.load(id).orElseThrow().signatures());
        assertTrue(review.load(id).orElseThrow().signatures().containsValue(SignatureStatus.VALID));
        s.close();
        open(Clock.offset(clock, Duration.ofDays(2)));
        Map<Long, SignatureStatus> later = review.load(id).orElseThrow().signatures();
        assertTrue(later.containsValue(SignatureStatus.REVOKED), "revocation took effect: " + later);
        assertEquals(fresh(id), later);

        // the key no longer trusted at all, then trusted again: the stored result applies again, still correct
        var issuer = s.store().dsl().selectFrom(TRUSTED_ISSUER).where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).fetchOne();
        s.store().dsl().deleteFrom(TRUSTED_ISSUER).where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).execute();
        Map<Long, SignatureStatus> untrusted = review.load(id).orElseThrow().signatures();
        assertTrue(untrusted.containsValue(SignatureStatus.UNKNOWN_ISSUER), "untrusted: " + untrusted);
        assertEquals(fresh(id), untrusted);
        issuer.setRevokedAt(null);
        issuer.changed(true);
        s.store().dsl().executeInsert(issuer);
        assertEquals(fresh(id), review.load(id).orElseThrow().signatures());
        assertTrue(review.load(id).orElseThrow().signatures().containsValue(SignatureStatus.VALID));
    }

    @Test
    void resultsOfAnotherEngineVersionOrNoneAreNotUsed() {
        long id = caseWith(SignatureStatus.VALID);
        SignatureResultMac mac = SignatureResultMac.derivedFrom(s.workstationKeys().privateKey());
        String forged = s.findingRepository().lastCheck(id).signatures().keySet().stream()
                .map(k -> "\"" + k + "\":{\"valid\":false,\"mac\":\"" + mac.tag("0.0.1", k, false) + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.SIGNATURE_RESULTS, JSON.json(forged)).where(CASE_CHECK.CASE_ID.eq(id))
                .execute();
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.ENGINE_VERSION, "0.0.1").where(CASE_CHECK.CASE_ID.eq(id)).execute();
        assertEquals(fresh(id), review.load(id).orElseThrow().signatures(), "another engine's results are ignored");
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.SIGNATURE_RESULTS, (JSON) null).where(CASE_CHECK.CASE_ID.eq(id))
                .execute();
        assertEquals(fresh(id), review.load(id).orElseThrow().signatures(), "checked before results were stored");
    }

    @Test
    void findCasesLoadsWhatFindCaseLoadsInTheOrderAsked() {
        List<Long> ids = new ArrayList<>(ids());
        Collections.reverse(ids);
        ids.add(1, -1L);
        List<FilingCase> batch = s.caseQueueRepository().findCases(ids);
        List<FilingCase> single = ids.stream().flatMap(i -> s.caseQueueRepository().findCase(i).stream()).toList();
        assertEquals(ids.size() - 1, batch.size(), "the unknown id is left out");
        assertEquals(single, batch);
        assertTrue(batch.stream().anyMatch(c -> !c.equipment().isEmpty()), "equipment loaded");
        assertTrue(batch.stream().flatMap(c -> c.evidence().stream()).anyMatch(e -> e.attachments().size() > 1),
                "evidence with several attachments loaded");
    }

    // ------------------------------------------------------------------ helpers

    private void open(Clock at) {
        s = AppServices.open(folder(), Workspace.DEMO, at);
        review = new ReviewService(s.caseQueueRepository(), s.findingRepository(), s.checks());
    }

    private DataFolder folder() {
        return new DataFolder(tmp.resolve("data"));
    }

    private List<Long> ids() {
        return s.findingRepository().allCaseIds();
    }

    private Map<Long, SignatureStatus> fresh(long id) {
        return s.checks().signatureStatuses(s.caseQueueRepository().findCase(id).orElseThrow());
    }

    private List<EvidenceItem> registryItems(long id) {
        return s.caseQueueRepository().findCase(id).orElseThrow().evidence().stream()
                .filter(e -> e.source() == EvidenceSource.REGULATOR).toList();
    }

    /** A case whose registry records all have the given status (and at least one). */
    private long caseWith(SignatureStatus status) {
        return ids().stream().filter(id -> {
            Map<Long, SignatureStatus> st = fresh(id);
            return !st.isEmpty() && st.values().stream().allMatch(status::equals);
        }).findFirst().orElseThrow();
    }

    private void setStored(long id, Map<String, Boolean> results) {
        String json = results.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.SIGNATURE_RESULTS, JSON.json(json))
                .where(CASE_CHECK.CASE_ID.eq(id)).execute();
    }
}
