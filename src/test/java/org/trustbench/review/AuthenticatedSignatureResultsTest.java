package org.trustbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.trustbench.domain.Finding;
import org.trustbench.verify.CheckInput.SignatureStatus;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.SignatureResultMac;
import org.trustbench.verify.StoredSignatureResult;
import org.trustbench.verify.VerificationEngine;
import org.trustbench.verify.VerificationSettings;

/**
 * Re-checks (and opening) reuse a stored SM2 result only when its HMAC-SM3 tag, keyed from this workstation's private
 * key, verifies (docs/adr/0009): proven with a verifier that counts the SM2 verifications really done. A stored result
 * whose tag was altered, that was flipped without a new tag, copied from another case, or tagged under another
 * workstation's key is verified afresh and gives the true outcome; trust and revocation are decided afresh always.
 */
class AuthenticatedSignatureResultsTest {

    @TempDir
    Path tmp;

    private final AtomicInteger sm2 = new AtomicInteger();
    private Clock clock;
    private AppServices s;
    /** The application's checks, but counting the SM2 verifications into {@link #sm2}. */
    private CheckService counted;
    private ReviewService review;

    @BeforeEach
    void demoStoreChecked() {
        clock = DemoStore.reset(new DataFolder(tmp.resolve("data")));
        s = AppServices.open(new DataFolder(tmp.resolve("data")), Workspace.DEMO, clock);
        s.checks().checkAll("test", (done, total) -> { }, () -> false);
        counted = checks(SignatureResultMac.derivedFrom(s.workstationKeys().privateKey()));
        review = new ReviewService(s.caseQueueRepository(), s.findingRepository(), counted);
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aRecheckOfUnchangedEvidenceUsesTheStoredResults() {
        Map<Long, List<Finding>> before = new HashMap<>();
        int tagged = 0;
        for (long id : ids()) {
            before.put(id, s.findingRepository().findings(id));
            tagged += s.findingRepository().lastCheck(id).signatures().size();
        }
        assertTrue(tagged > 50, "the checks stored tagged results: " + tagged);
        counted.checkAll("test", (done, total) -> { }, () -> false);
        assertEquals(0, sm2.get(), "no signature verified again");
        for (long id : ids()) {
            assertEquals(before.get(id), s.findingRepository().findings(id), "case " + id);
            assertEquals(counted.evaluate(s.caseQueueRepository().findCase(id).orElseThrow()), before.get(id));
        }
        assertTrue(sm2.get() >= tagged, "a fresh evaluation does verify: " + sm2.get());
        sm2.set(0);
        long id = caseWith(SignatureStatus.VALID);
        counted.checkCase(id);
        assertEquals(0, review.load(id).orElseThrow().signatures().values().stream()
                .filter(st -> st != SignatureStatus.VALID).count());
        assertEquals(0, sm2.get(), "checking or opening one case reuses them too");
    }

    @Test
    void anAlteredTagIsNotTrusted() {
        long id = caseWith(SignatureStatus.VALID);
        Map<String, StoredSignatureResult> stored = stored(id);
        Map<String, StoredSignatureResult> altered = new TreeMap<>();
        stored.forEach((k, v) -> altered.put(k, new StoredSignatureResult(false, flipHex(v.mac()))));
        setStored(id, altered);
        assertRecheckVerifiesAfresh(id, stored.size());
        assertEquals(stored, stored(id), "the check stored the true results with valid tags again");
    }

    @Test
    void aResultFlippedToTrueWithoutANewTagIsNotTrusted() {
        long id = caseWith(SignatureStatus.VALID);
        EvidenceItem tampered = tamper(id);
        s.checks().checkCase(id);
        Map<String, StoredSignatureResult> stored = stored(id);
        long falses = stored.values().stream().filter(r -> !r.valid()).count();
        assertTrue(falses > 0, "false stored: " + stored);
        Map<String, StoredSignatureResult> flipped = new TreeMap<>();
        stored.forEach((k, v) -> flipped.put(k, new StoredSignatureResult(true, v.mac())));
        setStored(id, flipped);
        assertEquals(SignatureStatus.INVALID, review.load(id).orElseThrow().signatures().get(tampered.id()));
        assertEquals(falses, sm2.get(), "opening verified the flipped results afresh");
        assertRecheckVerifiesAfresh(id, (int) falses);
        assertTrue(hasSignatureFinding(id, "invalid"), s.findingRepository().findings(id).toString());
    }

    @Test
    void aResultCopiedFromAnotherCaseIsNotTrusted() {
        long valid = caseWith(SignatureStatus.VALID);
        long other = ids().stream().filter(i -> i != valid && !stored(i).isEmpty()).findFirst().orElseThrow();
        tamper(other);
        s.checks().checkCase(other);
        Map<String, StoredSignatureResult> own = stored(other);
        StoredSignatureResult donor = stored(valid).values().iterator().next();
        assertTrue(donor.valid());
        // the other case's whole results, and its valid tagged entry put under this case's digests
        Map<String, StoredSignatureResult> copied = new TreeMap<>(stored(valid));
        own.keySet().forEach(k -> copied.put(k, donor));
        setStored(other, copied);
        assertRecheckVerifiesAfresh(other, own.size());
        assertTrue(hasSignatureFinding(other, "invalid"), s.findingRepository().findings(other).toString());
        assertEquals(own, stored(other));
    }

    @Test
    void resultsTaggedUnderAnotherWorkstationsKeyAreNotTrusted() {
        long id = caseWith(SignatureStatus.VALID);
        tamper(id);
        SignatureResultMac foreign = SignatureResultMac.derivedFrom(Sm2.generateKeyPair().getPrivate());
        checks(foreign).checkCase(id);
        Map<String, StoredSignatureResult> stored = stored(id);
        Map<String, StoredSignatureResult> forged = new TreeMap<>();
        stored.forEach((k, v) -> forged.put(k, new StoredSignatureResult(true, foreign.tag(VerificationEngine.VERSION, k, true))));
        setStored(id, forged);
        assertTrue(review.load(id).orElseThrow().signatures().containsValue(SignatureStatus.INVALID));
        assertRecheckVerifiesAfresh(id, stored.size());
        assertTrue(hasSignatureFinding(id, "invalid"), s.findingRepository().findings(id).toString());
    }

    @Test
    void resultsTaggedForAnotherEngineVersionAreNotTrusted() {
        long id = caseWith(SignatureStatus.VALID);
        SignatureResultMac mac = SignatureResultMac.derivedFrom(s.workstationKeys().privateKey());
        Map<String, StoredSignatureResult> other = new TreeMap<>();
        stored(id).forEach((k, v) -> other.put(k, new StoredSignatureResult(false, mac.tag("0.0.1", k, false))));
        setStored(id, other);
        assertRecheckVerifiesAfresh(id, other.size());
        sm2.set(0);
        s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.ENGINE_VERSION, "0.0.1").where(CASE_CHECK.CASE_ID.eq(id)).execute();
        counted.checkCase(id);
        assertEquals(other.size(), sm2.get(), "the results of another engine's check are not used");
    }

    @Test
    void trustAndRevocationAreDecidedAfreshWhileTheSm2ResultIsReused() {
        long id = caseWith(SignatureStatus.VALID);
        String keyId = registryItems(id).get(0).signature().keyId();
        s.store().dsl().update(TRUSTED_ISSUER).set(TRUSTED_ISSUER.REVOKED_AT, OffsetDateTime.now(clock).minusDays(1))
                .where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).execute();
        counted.checkCase(id);
        assertEquals(0, sm2.get(), "the stored SM2 result is reused");
        assertTrue(hasSignatureFinding(id, "revoked"), s.findingRepository().findings(id).toString());
        assertEquals(counted.evaluate(s.caseQueueRepository().findCase(id).orElseThrow()), s.findingRepository().findings(id));
        assertTrue(review.load(id).orElseThrow().signatures().containsValue(SignatureStatus.REVOKED));

        s.store().dsl().deleteFrom(TRUSTED_ISSUER).where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).execute();
        counted.checkCase(id);
        assertTrue(hasSignatureFinding(id, "unknownIssuer"), s.findingRepository().findings(id).toString());
        assertEquals(counted.evaluate(s.caseQueueRepository().findCase(id).orElseThrow()), s.findingRepository().findings(id));
    }

    // ------------------------------------------------------------------ helpers

    private CheckService checks(SignatureResultMac mac) {
        return new CheckService(s.caseQueueRepository(), s.findingRepository(), VerificationEngine.standard(),
                VerificationSettings.DEFAULTS, s.audit(), clock, mac, (key, data, sig) -> {
                    sm2.incrementAndGet();
                    return Sm2.verify(key, data, sig);
                });
    }

    /** Re-checks the case: every one of its {@code expected} signatures is verified again, with the true outcome. */
    private void assertRecheckVerifiesAfresh(long id, int expected) {
        assertTrue(expected > 0);
        sm2.set(0);
        counted.checkCase(id);
        assertEquals(expected, sm2.get(), "verified afresh");
        assertEquals(counted.evaluate(s.caseQueueRepository().findCase(id).orElseThrow()), s.findingRepository().findings(id));
        sm2.set(0);
        counted.checkCase(id);
        assertEquals(0, sm2.get(), "the re-check stored a result that is trusted again");
    }

    private boolean hasSignatureFinding(long id, String key) {
        return s.findingRepository().findings(id).stream()
                .anyMatch(f -> f.ruleId().equals("SIG-REGISTRY") && f.messageKey().endsWith(key));
    }

    private Map<String, StoredSignatureResult> stored(long id) {
        return s.findingRepository().lastCheck(id).signatures();
    }

    private static String flipHex(String hex) {
        char c = hex.charAt(10);
        return hex.substring(0, 10) + (c == '0' ? '1' : '0') + hex.substring(11);
    }

    private void setStored(long id, Map<String, StoredSignatureResult> results) {
        try {
            s.store().dsl().update(CASE_CHECK).set(CASE_CHECK.SIGNATURE_RESULTS, JSON.json(new ObjectMapper()
                    .writeValueAsString(results))).where(CASE_CHECK.CASE_ID.eq(id)).execute();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(results, stored(id), "written as the store keeps it");
    }

    /** Changes a registry record of the case in the store, so that its signature no longer matches. */
    private EvidenceItem tamper(long id) {
        EvidenceItem registry = registryItems(id).get(0);
        String fields = s.store().dsl().select(EVIDENCE.FIELDS).from(EVIDENCE).where(EVIDENCE.ID.eq(registry.id()))
                .fetchOne(EVIDENCE.FIELDS).data();
        s.store().dsl().update(EVIDENCE).set(EVIDENCE.FIELDS, JSON.json(fields.replaceFirst("\\{", "{\"tampered\":\"1\",")))
                .where(EVIDENCE.ID.eq(registry.id())).execute();
        return registry;
    }

    private List<Long> ids() {
        return s.findingRepository().allCaseIds();
    }

    private List<EvidenceItem> registryItems(long id) {
        return s.caseQueueRepository().findCase(id).orElseThrow().evidence().stream()
                .filter(e -> e.source() == EvidenceSource.REGULATOR).toList();
    }

    private long caseWith(SignatureStatus status) {
        return ids().stream().filter(id -> {
            Map<Long, SignatureStatus> st = s.checks().signatureStatuses(s.caseQueueRepository().findCase(id).orElseThrow());
            return !st.isEmpty() && st.values().stream().allMatch(status::equals);
        }).findFirst().orElseThrow();
    }
}
