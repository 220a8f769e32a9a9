package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditQuery;
import org.trustbench.crypto.RegistryRecordSignature;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.Severity;
import org.trustbench.i18n.UserException;
import org.trustbench.sync.conflict.Conflict;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictStatus;
import org.trustbench.sync.conflict.Resolution;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.ManifestHeader;
import org.trustbench.sync.format.PackageWriter;
import org.trustbench.sync.format.RecordSink;
import org.trustbench.sync.format.RecordType;
import org.trustbench.training.Dataset;
import org.trustbench.users.Role;
import org.trustbench.users.User;
import org.trustbench.verify.CheckInput;

/**
 * Inbound packages written by the real PackageWriter and signed with the DEMO central key, imported into a demo store
 * holding the demo dataset: registry updates, issuer key revocation, and existing case numbers.
 */
class InboundImportTest {

    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Clock clock;
    private AppServices s;
    private PrivateKey central;
    private int packages;

    @BeforeEach
    void open() {
        Dataset dataset;
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            dataset = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        s = AppServices.open(new DataFolder(tmp.resolve("store")), Workspace.DEMO, clock);
        s.prepare((d, t) -> { }, () -> false);
        central = DemoPackageService.readKey(Path.of(DemoPackageService.DEFAULT_KEY_FILE));
    }

    @AfterEach
    void close() {
        s.close();
    }

    private Path write(Map<RecordType, List<ObjectNode>> records) throws Exception {
        Path file = tmp.resolve("in-" + (++packages) + ".tbsync");
        try (PackageWriter w = PackageWriter.create(file, central, new ManifestHeader(UUID.randomUUID(), Direction.INBOUND,
                DemoPackageService.WORKSTATION_ID, null, OffsetDateTime.now(clock).withNano(0), true))) {
            for (RecordType t : RecordType.of(Direction.INBOUND)) {
                if (records.containsKey(t)) {
                    try (RecordSink sink = w.openRecords(t)) {
                        for (ObjectNode o : records.get(t)) {
                            sink.write(o);
                        }
                    }
                }
            }
            java.util.Set<String> sm3s = new java.util.TreeSet<>();
            records.values().forEach(list -> list.forEach(o -> { if (o.has("evidence")) {
                o.get("evidence").forEach(e -> e.get("attachments").forEach(a -> sm3s.add(a.get("sm3").textValue())));
            } }));
            for (String sm3 : sm3s) {
                w.addAttachment(sm3, s.store().dsl().select(org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB.CONTENT)
                        .from(org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB).where(org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB.SM3.eq(sm3))
                        .fetchOne(org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB.CONTENT));
            }
            w.finish();
        }
        return file;
    }

    private ImportService.ImportResult importFile(Path file) {
        return s.importer().importPackage(file, "central-desk", () -> false);
    }

    /** A provider all of whose cases are open (RECEIVED or IN_REVIEW), with at least one signed registry record. */
    private String openProvider(Set<String> avoid) {
        Map<String, List<CaseSummary>> byUscc = new LinkedHashMap<>();
        s.caseQueueRepository().findAllSummaries().forEach(c -> byUscc.computeIfAbsent(c.uscc(), k -> new java.util.ArrayList<>()).add(c));
        return byUscc.entrySet().stream().filter(e -> !avoid.contains(e.getKey()))
                .filter(e -> e.getValue().stream().allMatch(c -> c.status() == CaseStatus.RECEIVED || c.status() == CaseStatus.IN_REVIEW))
                .filter(e -> caseOf(e.getValue().get(0).id()).evidence().stream().anyMatch(ev -> ev.source() == EvidenceSource.REGULATOR))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private FilingCase caseOf(long id) {
        return s.caseQueueRepository().findCase(id).orElseThrow();
    }

    private List<Long> casesOf(String uscc) {
        return s.caseQueueRepository().findAllSummaries().stream().filter(c -> c.uscc().equals(uscc)).map(CaseSummary::id).toList();
    }

    private static ObjectNode issuerKey(String action, KeyPair key, OffsetDateTime at) {
        ObjectNode o = JSON.createObjectNode();
        o.put("action", action);
        o.put("keyId", Sm2.fingerprint(key.getPublic()));
        o.put("name", "测试登记签发机关");
        if (action.equals("ADD")) {
            o.put("publicKeyPem", Sm2.encodePublicKeyPem(key.getPublic()));
        }
        o.put("effectiveAt", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return o;
    }

    /** A registry update for {@code uscc}: the given provider changes and one licence record signed by {@code key}. */
    private ObjectNode registryUpdate(String uscc, Map<String, String> changes, KeyPair key) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uscc", uscc);
        o.put("recordedAt", OffsetDateTime.now(clock).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode ch = o.putObject("changes");
        changes.forEach(ch::put);
        var evidence = o.putArray("evidence");
        if (key != null) {
            OffsetDateTime at = OffsetDateTime.now(clock).withNano(0);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("licenceNo", "SH-UPD-0001");
            fields.put("status", "存续");
            java.time.LocalDate from = java.time.LocalDate.now(clock).minusYears(1);
            java.time.LocalDate to = java.time.LocalDate.now(clock).plusYears(3);
            ObjectNode e = evidence.addObject();
            e.put("kind", "LICENCE");
            e.put("source", "REGULATOR");
            e.put("title", "更新的登记记录");
            e.put("validFrom", from.toString());
            e.put("validTo", to.toString());
            e.put("recordedAt", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            ObjectNode f = e.putObject("fields");
            fields.forEach(f::put);
            e.putArray("attachments");
            ObjectNode sig = e.putObject("signature");
            sig.put("keyId", Sm2.fingerprint(key.getPublic()));
            sig.put("value", RegistryRecordSignature.sign(key.getPrivate(), "LICENCE", "REGULATOR", fields, from, to, at));
        }
        return o;
    }

    private static boolean has(List<Finding> findings, String messageKey) {
        return findings.stream().anyMatch(f -> f.messageKey().equals(messageKey));
    }

    @Test
    void aRegistryUpdateAppliesReplacesRegistryEvidenceAndRechecksThenARevokedKeyIsReported() throws Exception {
        String uscc = openProvider(Set.of());
        KeyPair issuer = Sm2.generateKeyPair();
        ObjectNode unknown = registryUpdate("91310000MA1K000000", Map.of("legalRep", "某人"), null);
        unknown.put("uscc", "91110000100000000X".substring(0, 18));
        Path pkg = write(Map.of(RecordType.ISSUER_KEY, List.of(issuerKey("ADD", issuer, OffsetDateTime.now(clock).minusDays(1))),
                RecordType.REGISTRY_UPDATE, List.of(registryUpdate(uscc, Map.of("registryStatus", "吊销", "legalRep", "张新"), issuer),
                        unknown)));
        ImportService.ImportResult r = importFile(pkg);
        assertEquals(1L, r.counts().get("registry_update"));
        assertEquals(1L, r.counts().get("issuer_key"));
        assertEquals(1, r.skipped(), "the unknown USCC is skipped");
        assertEquals(0, r.conflicts());
        for (long id : casesOf(uscc)) {
            FilingCase c = caseOf(id);
            assertEquals(RegistryStatus.REVOKED, c.provider().registryStatus());
            assertEquals("张新", c.provider().legalRep());
            List<EvidenceItem> registry = c.evidence().stream().filter(e -> e.source() == EvidenceSource.REGULATOR).toList();
            assertEquals(1, registry.size(), "the registry records were replaced");
            assertEquals("更新的登记记录", registry.get(0).title());
            assertEquals(CheckInput.SignatureStatus.VALID, s.checks().signatureStatuses(c).get(registry.get(0).id()));
            List<Finding> stored = s.findingRepository().findings(id);
            assertTrue(has(stored, "finding.LIC-STATUS.REVOKED"), "the rules ran again: " + stored);
        }

        // The issuer key is revoked: kept for history, and its signatures are reported.
        Path revoke = write(Map.of(RecordType.ISSUER_KEY, List.of(issuerKey("REVOKE", issuer, OffsetDateTime.now(clock).minusHours(1)))));
        ImportService.ImportResult rv = importFile(revoke);
        assertEquals(1L, rv.counts().get("issuer_key"));
        assertNotNull(s.store().dsl().select(TRUSTED_ISSUER.REVOKED_AT).from(TRUSTED_ISSUER)
                .where(TRUSTED_ISSUER.KEY_ID.eq(Sm2.fingerprint(issuer.getPublic()))).fetchOne(TRUSTED_ISSUER.REVOKED_AT));
        for (long id : casesOf(uscc)) {
            List<Finding> stored = s.findingRepository().findings(id);
            Finding revoked = stored.stream().filter(f -> f.messageKey().equals("finding.SIG-REGISTRY.revoked")).findFirst()
                    .orElseThrow(() -> new AssertionError("revoked key reported: " + stored));
            assertEquals(Severity.BLOCKER, revoked.severity());
            assertEquals("更新的登记记录", revoked.args().get(0));
            assertEquals(CheckInput.SignatureStatus.REVOKED, s.checks().signatureStatuses(caseOf(id)).values().iterator().next());
        }
        // Revoking again changes nothing: skipped.
        assertEquals(1, importFile(write(Map.of(RecordType.ISSUER_KEY,
                List.of(issuerKey("REVOKE", issuer, OffsetDateTime.now(clock)))))).skipped());
    }

    @Test
    void aRegistryUpdateForADecidedCaseWaitsAsAConflictResolvedEitherWay() throws Exception {
        CaseSummary clean = s.caseQueueRepository().findAllSummaries().stream()
                .filter(c -> c.status() == CaseStatus.IN_REVIEW && c.findingCount() == 0).findFirst().orElseThrow();
        s.decisions().decide(OFFICER, new DecisionDraft(clean.id(), Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                "", List.of(), Set.of(), "", null));
        String uscc = clean.uscc();
        String nameBefore = caseOf(clean.id()).provider().nameZh();

        ImportService.ImportResult r = importFile(write(Map.of(RecordType.REGISTRY_UPDATE,
                List.of(registryUpdate(uscc, Map.of("nameZh", "改名后的公司"), null)))));
        assertEquals(1, r.conflicts());
        assertEquals(0L, r.counts().get("registry_update"));
        assertEquals(nameBefore, caseOf(clean.id()).provider().nameZh(), "not applied over a decided case");
        Conflict c = s.conflicts().open().get(0);
        assertEquals(ConflictKind.REGISTRY_UPDATE_ON_DECIDED, c.kind());
        assertEquals(uscc, c.providerUscc());
        assertEquals(clean.caseNo(), c.caseNo());
        assertEquals(List.of(new ConflictField("nameZh", nameBefore, "改名后的公司")), c.fields());

        s.conflicts().resolve(c.id(), Resolution.KEEP_LOCAL, "The decision stands on the old record.", "supervisor");
        assertEquals(nameBefore, caseOf(clean.id()).provider().nameZh());

        importFile(write(Map.of(RecordType.REGISTRY_UPDATE,
                List.of(registryUpdate(uscc, Map.of("nameZh", "改名后的公司", "registryStatus", "注销"), null)))));
        Conflict second = s.conflicts().open().get(0);
        Conflict applied = s.conflicts().resolve(second.id(), Resolution.APPLY_INCOMING, "Registry confirmed by phone.", "supervisor");
        assertEquals(ConflictStatus.APPLIED_INCOMING, applied.status());
        assertEquals("改名后的公司", caseOf(clean.id()).provider().nameZh());
        assertTrue(has(s.findingRepository().findings(clean.id()), "finding.LIC-STATUS.CANCELLED")
                || s.findingRepository().findings(clean.id()).stream().anyMatch(f -> f.ruleId().startsWith("LIC")),
                "re-checked after applying: " + s.findingRepository().findings(clean.id()));
        assertEquals(2, s.audit().list(new AuditQuery("conflict:", null, null, null, 10)).stream()
                .filter(e -> e.action() == AuditAction.CONFLICT_RESOLVED).count());
        assertTrue(s.audit().verify().ok());
    }

    @Test
    void anExistingCaseNumberWithOtherContentIsAConflict() throws Exception {
        List<CaseSummary> open = s.caseQueueRepository().findAllSummaries().stream()
                .filter(c -> c.status() == CaseStatus.IN_REVIEW && c.findingCount() == 0).toList();
        CaseSummary keep = open.get(0);
        CaseSummary apply = open.get(1);
        CaseSummary decided = open.get(2);
        s.decisions().decide(OFFICER, new DecisionDraft(decided.id(), Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                "", List.of(), Set.of(), "", null));
        String platformBefore = caseOf(keep.id()).platform();
        List<ObjectNode> records = List.of(changedPlatform(keep.id(), "新平台甲"), changedPlatform(apply.id(), "新平台乙"),
                changedPlatform(decided.id(), "新平台丙"), DemoPackageService.caseRecord(caseOf(open.get(3).id())));
        ImportService.ImportResult r = importFile(write(Map.of(RecordType.CASE, records)));
        assertEquals(3, r.conflicts());
        assertEquals(1, r.skipped(), "identical content is skipped");
        assertEquals(0L, r.counts().get("case"));
        assertEquals(platformBefore, caseOf(keep.id()).platform());

        Map<String, Conflict> byCase = new LinkedHashMap<>();
        s.conflicts().open().forEach(c -> byCase.put(c.caseNo(), c));
        Conflict k = byCase.get(keep.caseNo());
        assertEquals(ConflictKind.CASE_EXISTS, k.kind());
        ConflictField platform = k.fields().stream().filter(f -> f.name().equals("platform")).findFirst().orElseThrow();
        assertEquals(platformBefore, platform.local());
        assertEquals("新平台甲", platform.incoming());
        assertEquals(1, k.fields().stream().filter(ConflictField::differs).count(), "only the platform differs");

        s.conflicts().resolve(k.id(), Resolution.KEEP_LOCAL, "The platform on file was confirmed.", "supervisor");
        assertEquals(platformBefore, caseOf(keep.id()).platform());
        s.conflicts().resolve(byCase.get(apply.caseNo()).id(), Resolution.APPLY_INCOMING, "Central corrected the platform.", "supervisor");
        FilingCase after = caseOf(apply.id());
        assertEquals("新平台乙", after.platform());
        assertEquals(CaseStatus.IN_REVIEW, after.status(), "workflow state is local and stays");
        assertEquals(records.get(1).get("evidence").size(), after.evidence().size());
        assertEquals(records.get(1).get("equipment").size(), after.equipment().size());

        UserException refused = assertThrows(UserException.class, () -> s.conflicts().resolve(byCase.get(decided.caseNo()).id(),
                Resolution.APPLY_INCOMING, "Try to replace.", "supervisor"));
        assertEquals("conflict.error.caseDecided", refused.userMessage().key());
        assertEquals(ConflictStatus.OPEN, s.conflicts().find(byCase.get(decided.caseNo()).id()).orElseThrow().status(),
                "a refused resolution changes nothing");
        assertFalse(caseOf(decided.id()).platform().equals("新平台丙"));
        assertTrue(s.audit().verify().ok());
    }

    private ObjectNode changedPlatform(long caseId, String platform) {
        ObjectNode o = DemoPackageService.caseRecord(caseOf(caseId));
        o.put("platform", platform);
        o.put("status", "RECEIVED");
        o.remove("assignee");
        return o;
    }
}
