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
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;

/**
 * Registry signatures verified ahead of a bulk check (as an import does while it inserts the cases) spare the check
 * those SM2 verifications, and change nothing it finds; a record changed after its precheck is verified again.
 */
class SignaturePrecheckTest {

    @TempDir
    Path tmp;

    private final AtomicInteger sm2 = new AtomicInteger();
    private AppServices s;
    private CheckService counted;

    @BeforeEach
    void demoStoreNeverChecked() {
        Clock clock = DemoStore.reset(new DataFolder(tmp.resolve("data")));
        s = AppServices.open(new DataFolder(tmp.resolve("data")), Workspace.DEMO, clock);
        s.store().dsl().deleteFrom(FINDING).execute();
        s.store().dsl().deleteFrom(CASE_CHECK).execute(); // no stored SM2 result to reuse
        counted = new CheckService(s.caseQueueRepository(), s.findingRepository(), VerificationEngine.standard(),
                VerificationSettings.DEFAULTS, s.audit(), clock,
                SignatureResultMac.derivedFrom(s.workstationKeys().privateKey()), (key, data, sig) -> {
                    sm2.incrementAndGet();
                    return Sm2.verify(key, data, sig);
                });
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void precheckedSignaturesAreNotVerifiedAgainAndTheFindingsAreThoseOfAFreshCheck() {
        List<Long> ids = s.findingRepository().allCaseIds();
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, ids);
        List<FilingCase> cases = ids.stream().map(id -> s.caseQueueRepository().findCase(id).orElseThrow()).toList();

        int prechecked;
        try (SignaturePrecheck precheck = counted.precheck()) {
            for (int from = 0; from < cases.size(); from += 25) { // three offers: none dropped (backlog of 4)
                precheck.offer(cases.subList(from, Math.min(cases.size(), from + 25)));
            }
            Map<String, Boolean> results = precheck.finish();
            prechecked = sm2.getAndSet(0);
            assertTrue(prechecked > 50 && results.size() == prechecked, prechecked + " prechecked, " + results.size());
            counted.checkCases(ids, (n, t) -> { }, () -> false, precheck);
        }

        assertEquals(0, sm2.get(), "the check verified no signature the precheck had verified");
        assertEquals(fresh, DemoStore.storedFindings(s, ids));
    }

    @Test
    void aRecordChangedAfterItsPrecheckIsVerifiedAgain() {
        List<Long> ids = s.findingRepository().allCaseIds();
        List<FilingCase> cases = ids.stream().map(id -> s.caseQueueRepository().findCase(id).orElseThrow()).toList();
        try (SignaturePrecheck precheck = counted.precheck()) {
            precheck.offer(cases);
            long registry = cases.stream().flatMap(c -> s.checks().signatureStatuses(c).entrySet().stream())
                    .filter(e -> e.getValue() == CheckInput.SignatureStatus.VALID).mapToLong(Map.Entry::getKey)
                    .min().orElseThrow();
            String fields = s.store().dsl().select(EVIDENCE.FIELDS).from(EVIDENCE).where(EVIDENCE.ID.eq(registry))
                    .fetchOne(EVIDENCE.FIELDS).data();
            String tampered = fields.replaceFirst("\"([^\"]+)\":\"([^\"]*)\"", "\"$1\":\"$2 X\"");
            assertNotEquals(fields, tampered);
            s.store().dsl().update(EVIDENCE).set(EVIDENCE.FIELDS, JSON.json(tampered)).where(EVIDENCE.ID.eq(registry)).execute();
            Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, ids);
            sm2.set(0);

            counted.checkCases(ids, (n, t) -> { }, () -> false, precheck);

            assertEquals(1, sm2.get(), "only the changed record was verified");
            assertEquals(fresh, DemoStore.storedFindings(s, ids));
        }
    }

    @Test
    void keysAddedToThePrecheckAreUsedWhenTheirFingerprintIsTheirId() {
        List<Long> ids = s.findingRepository().allCaseIds();
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, ids);
        List<FilingCase> cases = ids.stream().map(id -> s.caseQueueRepository().findCase(id).orElseThrow()).toList();
        var issuers = s.store().dsl().selectFrom(TRUSTED_ISSUER).fetch();
        s.store().dsl().deleteFrom(TRUSTED_ISSUER).execute(); // as before an import whose package brings its keys
        try (SignaturePrecheck precheck = counted.precheck()) {
            precheck.addKey(issuers.get(0).getKeyId(), Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic())); // not its key
            assertEquals(java.util.Set.of(), precheck.keyIds(), "a PEM whose fingerprint is not the key id is not used");
            issuers.forEach(r -> precheck.addKey(r.getKeyId(), r.getPublicKeyPem()));
            assertEquals(issuers.stream().map(r -> r.getKeyId()).collect(java.util.stream.Collectors.toSet()), precheck.keyIds());
            precheck.offer(cases);
            issuers.forEach(r -> { r.changed(true); s.store().dsl().insertInto(TRUSTED_ISSUER).set(r).execute(); }); // the import commits
            Map<String, Boolean> results = precheck.finish();
            assertTrue(results.size() > 50, "prechecked with the added keys: " + results.size());
            sm2.set(0);

            counted.checkCases(ids, (n, t) -> { }, () -> false, precheck);
        }

        assertEquals(0, sm2.get());
        assertEquals(fresh, DemoStore.storedFindings(s, ids));
    }
}
