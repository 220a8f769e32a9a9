package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.PROVIDER;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditQuery;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.i18n.UserException;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.sync.format.PackageException;
import org.trustbench.sync.format.PackageProblem;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.sync.keys.TrustService;
import org.trustbench.sync.keys.TrustedSigner;
import org.trustbench.crypto.Sm2;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.verify.CheckInput;

/** The demo central package goes through the real import path: verified, guarded, applied once, checked. */
class ImportServiceTest {

    private static final Path KEY = Path.of(DemoPackageService.DEFAULT_KEY_FILE);
    private static final ClassLoader LOADER = ImportServiceTest.class.getClassLoader();

    @TempDir
    Path tmp;
    private Dataset dataset;
    private Clock clock;
    private Path demoPackage;

    @BeforeEach
    void writeDemoPackage() throws Exception {
        dataset = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        demoPackage = tmp.resolve("demo.tbsync");
        DemoPackageService.Result r = new DemoPackageService(LOADER, clock).write(demoPackage, KEY);
        assertEquals(dataset.batch().cases().size(), r.cases());
        assertTrue(Files.isRegularFile(demoPackage));
    }

    private static ImportService importer(AppServices s) {
        return s.importer();
    }

    /** A demo store as it is on first open, without its dataset, trusting the DEMO central key. */
    private AppServices emptyDemoStore(String name) {
        AppServices s = AppServices.open(new DataFolder(tmp.resolve(name)), Workspace.DEMO, clock);
        s.trust().trustDemoCentral("test", LOADER);
        return s;
    }

    private static int count(AppServices s, org.jooq.Table<?> table) {
        return s.store().dsl().fetchCount(table);
    }

    @Test
    void aRealStoreRefusesTheDemoPackage() {
        try (AppServices real = AppServices.open(new DataFolder(tmp.resolve("real")), Workspace.REAL, clock)) {
            PackageException unknown = assertThrows(PackageException.class,
                    () -> importer(real).importPackage(demoPackage, "test", () -> false));
            assertEquals(PackageProblem.UNKNOWN_SIGNER, unknown.problem(), "a real store does not trust the demo key");

            // Even if the demo key were trusted (TrustService refuses that; go round it), the demo guard refuses.
            var pub = TrustService.demoCentralPublicKey(LOADER);
            real.store().dsl().transaction(tx -> real.trustedSigners().add(tx.dsl(), new TrustedSigner(Sm2.fingerprint(pub),
                    SignerRole.CENTRAL, "forced", Sm2.encodePublicKeyPem(pub), OffsetDateTime.now(clock), "test")));
            PackageException guard = assertThrows(PackageException.class,
                    () -> importer(real).importPackage(demoPackage, "test", () -> false));
            assertEquals(PackageProblem.DEMO_INTO_REAL, guard.problem());
            assertEquals(0, count(real, FILING_CASE));
            assertEquals(0, count(real, SYNC_PACKAGE));
        }
    }

    @Test
    void aFreshDemoStoreImportsTheDemoPackageOnce() {
        try (AppServices s = emptyDemoStore("demo")) {
            assertEquals(0, count(s, FILING_CASE));
            ImportService.ImportResult r = importer(s).importPackage(demoPackage, "test", () -> false);
            assertFalse(r.alreadyImported());
            int cases = dataset.batch().cases().size();
            assertEquals(cases, count(s, FILING_CASE));
            assertEquals((long) cases, r.counts().get("case"));
            assertEquals(dataset.batch().providers().size(), count(s, PROVIDER));
            assertEquals(dataset.batch().issuers().size(), count(s, TRUSTED_ISSUER));
            assertEquals(dataset.batch().blobs().size(), count(s, ATTACHMENT_BLOB));
            assertEquals(cases, count(s, CASE_CHECK), "every imported case was checked");
            assertEquals("IMPORT", s.audit().list(new AuditQuery("package:", null, null, null, 1)).get(0).action().name());

            // Evidence, attachments and registry signatures round-trip.
            int signed = 0;
            for (FilingCase expected : dataset.batch().cases()) {
                long id = s.caseQueueRepository().findIdByCaseNo(expected.caseNo()).orElseThrow();
                FilingCase actual = s.caseQueueRepository().findCase(id).orElseThrow();
                assertEquals(expected.provider().uscc(), actual.provider().uscc());
                assertEquals(expected.evidence().size(), actual.evidence().size(), expected.caseNo());
                for (int i = 0; i < expected.evidence().size(); i++) {
                    EvidenceItem e = expected.evidence().get(i);
                    EvidenceItem a = actual.evidence().get(i);
                    assertEquals(e.fields(), a.fields());
                    assertEquals(e.recordedAt().toInstant(), a.recordedAt().toInstant());
                    assertEquals(e.signature(), a.signature());
                    assertEquals(e.attachments().stream().map(Attachment::sm3).toList(),
                            a.attachments().stream().map(Attachment::sm3).toList());
                    for (Attachment att : a.attachments()) {
                        byte[] blob = s.store().dsl().select(ATTACHMENT_BLOB.CONTENT).from(ATTACHMENT_BLOB)
                                .where(ATTACHMENT_BLOB.SM3.eq(att.sm3())).fetchOne(ATTACHMENT_BLOB.CONTENT);
                        assertEquals(att.sm3(), Sm3.hex(blob));
                    }
                }
                Map<Long, CheckInput.SignatureStatus> statuses = s.checks().signatureStatuses(actual);
                for (EvidenceItem a : actual.evidence()) {
                    if (expected.evidence().get(actual.evidence().indexOf(a)).signature() != null
                            && dataset.batch().issuers().stream().anyMatch(iss -> iss.keyId().equals(a.signature().keyId()))) {
                        CheckInput.SignatureStatus st = statuses.get(a.id());
                        if (st == CheckInput.SignatureStatus.VALID) {
                            signed++;
                        }
                    }
                }
            }
            assertTrue(signed > 0, "signed registry records still verify after travelling");
            long findings = s.caseQueueRepository().findAllSummaries().stream().mapToLong(c -> c.findingCount()).sum();
            assertTrue(findings > 0, "the rules ran on the imported cases");

            // Again: a no-op.
            ImportService.ImportResult again = importer(s).importPackage(demoPackage, "test", () -> false);
            assertTrue(again.alreadyImported());
            assertEquals(r.packageId(), again.packageId());
            assertEquals(cases, count(s, FILING_CASE));
            assertEquals(1, count(s, SYNC_PACKAGE));
        }
    }

    @Test
    void aFlippedByteIsRefusedWithTheEntryNamedAndChangesNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(demoPackage);
        try (AppServices s = emptyDemoStore("demo")) {
            // Flip bytes at several places: each is refused, naming an entry, and the store stays empty.
            for (int at : List.of(bytes.length / 2, bytes.length / 3, 200, bytes.length - 200)) {
                byte[] copy = bytes.clone();
                copy[at] ^= 0x01;
                Path bad = tmp.resolve("bad-" + at + ".tbsync");
                Files.write(bad, copy);
                PackageException e = assertThrows(PackageException.class,
                        () -> importer(s).importPackage(bad, "test", () -> false), "flip at " + at);
                assertFalse(e.entry().isBlank(), "the refusal names the entry: " + e.getMessage());
                assertEquals(0, count(s, FILING_CASE));
                assertEquals(0, count(s, PROVIDER));
                assertEquals(0, count(s, ATTACHMENT_BLOB));
                assertEquals(0, count(s, SYNC_PACKAGE));
            }
        }
    }

    @Test
    void theDemoPackageIntoADemoStoreWithTheSameDatasetIsSkippedRecordByRecord() {
        try (AppServices s = AppServices.open(new DataFolder(tmp.resolve("loaded")), Workspace.DEMO, clock)) {
            s.prepareWorkspace();
            int cases = count(s, FILING_CASE);
            int blobs = count(s, ATTACHMENT_BLOB);
            ImportService.ImportResult r = importer(s).importPackage(demoPackage, "test", () -> false);
            assertFalse(r.alreadyImported());
            assertEquals(0L, r.counts().get("case"));
            assertEquals(0L, r.counts().get("issuer_key"));
            assertEquals(cases + dataset.batch().issuers().size(), r.skipped(), "same cases and keys: all skipped");
            assertEquals(0, r.conflicts());
            assertEquals(cases, count(s, FILING_CASE));
            assertEquals(blobs, count(s, ATTACHMENT_BLOB));
            assertEquals(1, count(s, SYNC_PACKAGE));
            assertEquals(0, s.conflicts().openCount());
        }
    }

    @Test
    void aCancelledImportLeavesNoTrace() {
        try (AppServices s = emptyDemoStore("demo")) {
            int[] calls = {0};
            assertEquals(null, importer(s).importPackage(demoPackage, "test", () -> ++calls[0] > 10));
            assertEquals(0, count(s, FILING_CASE));
            assertEquals(0, count(s, SYNC_PACKAGE));
            assertFalse(importer(s).importPackage(demoPackage, "test", () -> false).alreadyImported());
        }
    }

    @Test
    void aMissingKeyFileIsAClearError() {
        UserException e = assertThrows(UserException.class,
                () -> new DemoPackageService(LOADER, clock).write(tmp.resolve("x.tbsync"), tmp.resolve("nope.pem")));
        assertEquals("sync.demoPackage.noKey", e.userMessage().key());
    }
}
