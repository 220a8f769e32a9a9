package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.FilingCase;
import org.trustbench.i18n.UserException;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.ManifestHeader;
import org.trustbench.sync.format.PackageException;
import org.trustbench.sync.format.PackageProblem;
import org.trustbench.sync.format.PackageWriter;
import org.trustbench.sync.format.RecordSink;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.SequenceRange;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.sync.keys.TrustedSigner;

/** Outbound records a receiving store cannot place are refused naming entry and line; a real package stays out of a demo store. */
class OutboundRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path tmp;

    private Path write(KeyPair key, boolean demo, RecordType type, ObjectNode record) throws Exception {
        Path file = tmp.resolve(type.typeName() + (demo ? "-demo" : "-real") + ".tbsync");
        try (PackageWriter w = PackageWriter.create(file, key.getPrivate(), new ManifestHeader(UUID.randomUUID(),
                Direction.OUTBOUND, "ws-test-000001", new SequenceRange(1, 1), OffsetDateTime.now(clock), demo))) {
            try (RecordSink sink = w.openRecords(type)) {
                sink.write(record);
            }
            w.finish();
        }
        return file;
    }

    private static ObjectNode decision(String caseNo) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", 1);
        o.put("decisionId", "ws-test-000001/1");
        o.put("caseNo", caseNo);
        o.put("outcome", "APPROVE");
        o.putArray("reasons").add("ALL_CHECKS_PASSED");
        o.putArray("supplements");
        o.putArray("acknowledged");
        o.putArray("findings");
        o.putArray("evidenceDigests");
        o.put("decidedBy", "officer1");
        o.put("decidedAt", "2026-03-01T02:00:00Z");
        return o;
    }

    private static void trust(AppServices s, KeyPair key) {
        s.store().dsl().transaction(tx -> s.trustedSigners().add(tx.dsl(), new TrustedSigner(Sm2.fingerprint(key.getPublic()),
                SignerRole.WORKSTATION, "test workstation", Sm2.encodePublicKeyPem(key.getPublic()), OffsetDateTime.now(), "test")));
    }

    @Test
    void unknownCasesAndInspectionsAreRefusedAndARealPackageStaysOutOfADemoStore() throws Exception {
        KeyPair key = Sm2.generateKeyPair();
        try (AppServices s = AppServices.open(new DataFolder(tmp.resolve("demo")), Workspace.DEMO, clock)) {
            trust(s, key);
            UserException unknown = assertThrows(UserException.class,
                    () -> s.importer().importPackage(write(key, true, RecordType.DECISION, decision("NO-SUCH-CASE")), "t", () -> false));
            assertEquals("sync.import.unknownCase", unknown.userMessage().key());
            assertEquals(List.of("records/decision.jsonl", 1L, "NO-SUCH-CASE"), unknown.userMessage().args());

            ObjectNode inspection = JSON.createObjectNode();
            inspection.put("seq", 1);
            inspection.put("inspectionId", "ws-test-000001/9");
            inspection.put("caseNo", "NO-SUCH-CASE");
            inspection.put("providerUscc", "91310000MA1FL8TQ2B");
            inspection.put("inspector", "officer1");
            inspection.put("inspectedAt", "2026-03-01T02:00:00Z");
            inspection.put("address", "上海市浦东新区");
            inspection.put("result", "CONFIRMED");
            inspection.putArray("checklist").add("SIGNAGE");
            inspection.putArray("attachments");
            Path inspections;
            try {
                inspections = write(key, true, RecordType.INSPECTION, inspection);
            } catch (PackageException e) {
                throw new AssertionError("the test record must be valid: " + e.getMessage(), e);
            }
            UserException notYet = assertThrows(UserException.class, () -> s.importer().importPackage(inspections, "t", () -> false));
            assertEquals("sync.import.inspectionUnsupported", notYet.userMessage().key());
            assertEquals(List.of("records/inspection.jsonl", 1L), notYet.userMessage().args());

            PackageException real = assertThrows(PackageException.class, () -> s.importer().importPackage(
                    write(key, false, RecordType.DECISION, decision("NO-SUCH-CASE")), "t", () -> false));
            assertEquals(PackageProblem.REAL_INTO_DEMO, real.problem());
            assertTrue(s.syncPackages().history().isEmpty());
        }
    }

    @Test
    void everyConflictFieldHasALabelInBothLanguages() {
        org.trustbench.training.Dataset dataset = org.trustbench.training.DatasetReader.read(
                org.trustbench.training.DatasetSource.classpath("default", getClass().getClassLoader()));
        FilingCase c = dataset.batch().cases().get(0);
        List<String> names = new java.util.ArrayList<>(CaseRecords.caseFields(c, c).stream().map(ConflictField::name).toList());
        names.addAll(List.of("decisionId", "outcome", "reasons", "supplements", "rationale", "overrideJustification",
                "decidedBy", "decidedAt", "signOff", "evidence"));
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);
            for (String name : names) {
                assertTrue(bundle.containsKey("conflict.field." + name), locale + ": conflict.field." + name);
            }
        }
    }
}
