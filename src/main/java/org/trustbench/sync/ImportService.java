package org.trustbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Performer;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistrySignature;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.SiteType;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.intake.IntakeBatch;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.Limits;
import org.trustbench.sync.format.PackageRecord;
import org.trustbench.sync.format.PackageVerifier;
import org.trustbench.sync.format.Progress;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.VerifiedPackage;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.sync.keys.TrustedSignerRepository;
import org.trustbench.verify.CheckService;

/**
 * Imports an inbound package (docs/sync-format.md): the whole package is verified against the trusted central
 * signers before anything is applied; then new cases (with their providers, evidence and attachments) and trusted
 * issuer keys are applied in one transaction together with the package history and the audit entry, and the rules
 * are re-run on the new cases. Importing a package again is a no-op, reported as already imported. Any refusal, and
 * a cancelled import, leaves the store unchanged.
 *
 * <p>Not yet supported (the package is refused, naming the record): {@code registry_update} records and
 * {@code issuer_key} REVOKE. A case number the store already has refuses the whole package (conflict handling is a
 * later step).
 */
public final class ImportService {

    private final SyncPackageRepository packages;
    private final CaseIntakeRepository intake;
    private final TrustedSignerRepository trustedSigners;
    private final CheckService checks;
    private final AuditRepository audit;
    private final boolean demo;
    private final Clock clock;

    /**
     * What an import did.
     *
     * @param counts          records applied per type name ({@code case}, {@code issuer_key}); for an already
     *                        imported package, the package's own counts
     * @param alreadyImported true when the package was in the history and nothing was changed
     * @param caseIds         the ids of the new cases (empty when already imported)
     * @param conflicts       records not applied but recorded as conflicts for an officer to resolve
     * @param skipped         records skipped (identical content already present, or an unknown provider)
     */
    public record ImportResult(UUID packageId, Map<String, Long> counts, boolean alreadyImported, List<Long> caseIds,
                               long conflicts, long skipped) {
        public ImportResult {
            counts = Map.copyOf(counts);
            caseIds = List.copyOf(caseIds);
        }
    }

    public ImportService(SyncPackageRepository packages, CaseIntakeRepository intake, TrustedSignerRepository trustedSigners,
                         CheckService checks, AuditRepository audit, boolean demo, Clock clock) {
        this.packages = Objects.requireNonNull(packages, "packages");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.trustedSigners = Objects.requireNonNull(trustedSigners, "trustedSigners");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.demo = demo;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies and applies {@code file}. Blocking.
     *
     * @return the result, or {@code null} when {@code cancelled} turned true (nothing was applied)
     * @throws org.trustbench.sync.format.PackageException if the package is refused (entry, line and reason named)
     * @throws UserException                                if it cannot be applied (e.g. a case number already exists)
     */
    public ImportResult importPackage(Path file, String actor, BooleanSupplier cancelled) {
        return importPackage(file, actor, Progress.NONE, cancelled);
    }

    /**
     * As {@link #importPackage(Path, String, BooleanSupplier)}, reporting progress: first the verification (in
     * uncompressed bytes), then the apply (in records).
     */
    public ImportResult importPackage(Path file, String actor, Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(progress, "progress");
        VerifiedPackage verified;
        try {
            verified = PackageVerifier.verify(file, trustedSigners.publicKeys(SignerRole.CENTRAL), Limits.DEFAULT, (done, total) -> {
                progress.update(done, total);
                checkCancelled(cancelled);
            });
        } catch (CancellationException e) {
            return null;
        }
        try (VerifiedPackage pkg = verified) {
            pkg.requireDirection(Direction.INBOUND);
            pkg.requireDemo(demo);
            UUID packageId = pkg.manifest().header().packageId();
            if (packages.known(packageId.toString())) {
                Map<String, Long> counts = new LinkedHashMap<>();
                pkg.manifest().counts().forEach((t, n) -> counts.put(t.typeName(), n));
                return new ImportResult(packageId, counts, true, List.of(), 0, 0);
            }
            pkg.forEachRecord(RecordType.REGISTRY_UPDATE, r -> {
                throw new UserException(UserMessage.of("sync.import.unsupported", r.type().entryPath(), r.line(),
                        r.type().typeName()));
            });
            if (cancelled.getAsBoolean()) {
                return null;
            }
            Applied applied;
            try {
                applied = packages.dsl().transactionResult(tx -> apply(tx.dsl(), pkg, file, actor, cancelled));
            } catch (CancellationException e) {
                return null;
            }
            for (long id : applied.caseIds()) {
                checks.checkCase(id);
            }
            return new ImportResult(packageId, applied.counts(), false, applied.caseIds(), 0, 0);
        }
    }

    private record Applied(Map<String, Long> counts, List<Long> caseIds) {
    }

    private Applied apply(DSLContext tx, VerifiedPackage pkg, Path file, String actor, BooleanSupplier cancelled) {
        String packageId = pkg.manifest().header().packageId().toString();
        if (ImportRepository.packageKnown(tx, packageId)) {
            // Another import of the same package finished meanwhile; the history's key would refuse it anyway.
            throw new UserException(UserMessage.of("sync.import.already", packageId));
        }
        long[] issuers = {0};
        pkg.forEachRecord(RecordType.ISSUER_KEY, r -> {
            checkCancelled(cancelled);
            JsonNode o = r.json();
            if (!"ADD".equals(o.get("action").textValue())) {
                throw new UserException(UserMessage.of("sync.import.unsupported", r.type().entryPath(), r.line(),
                        "issuer_key " + o.get("action").textValue()));
            }
            intake.insertNew(tx, new IntakeBatch(List.of(), List.of(), Map.of(), List.of(new TrustedIssuer(
                    o.get("keyId").textValue(), o.get("name").textValue(), o.get("publicKeyPem").textValue()))));
            issuers[0]++;
        });
        List<Long> caseIds = new ArrayList<>();
        Set<String> blobsSeen = new HashSet<>();
        pkg.forEachRecord(RecordType.CASE, r -> {
            checkCancelled(cancelled);
            String caseNo = r.json().get("caseNo").textValue();
            if (ImportRepository.caseExists(tx, caseNo)) {
                throw new UserException(UserMessage.of("sync.import.caseExists", caseNo, r.type().entryPath(), r.line()));
            }
            Map<String, byte[]> blobs = new HashMap<>();
            FilingCase c = toCase(r, sm3 -> {
                if (blobsSeen.add(sm3) && !ImportRepository.blobExists(tx, sm3)) {
                    blobs.put(sm3, readAttachment(pkg, sm3));
                }
            });
            caseIds.addAll(intake.insertNew(tx, new IntakeBatch(List.of(c.provider()), List.of(c), blobs, List.of())));
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(RecordType.CASE.typeName(), (long) caseIds.size());
        counts.put(RecordType.ISSUER_KEY.typeName(), issuers[0]);
        checkCancelled(cancelled);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        packages.record(tx, packageId, "INBOUND", now, pkg.signerKeyId(), null, null, counts, "IMPORTED",
                file.toAbsolutePath().toString());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("counts", counts);
        detail.put("file", fileName);
        detail.put("signer", pkg.signerKeyId());
        detail.put("workstationId", pkg.manifest().header().workstationId());
        audit.append(tx, actor, AuditAction.IMPORT, "package:" + packageId, detail);
        return new Applied(counts, caseIds);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /** The attachment's bytes, re-hashed: the package's own check runs at the end of the stream, this one too. */
    private static byte[] readAttachment(VerifiedPackage pkg, String sm3) {
        byte[] content;
        try (InputStream in = pkg.openAttachment(sm3)) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UserException(UserMessage.of("sync.import.attachment", "attachments/" + sm3,
                    String.valueOf(e.getMessage())), e);
        }
        if (!Sm3.hex(content).equals(sm3)) {
            throw new UserException(UserMessage.of("sync.import.attachment", "attachments/" + sm3, "SM3 mismatch"));
        }
        return content;
    }

    /** A verified {@code case} record as a new case; {@code blob} is told every attachment digest it refers to. */
    static FilingCase toCase(PackageRecord r, java.util.function.Consumer<String> blob) {
        JsonNode o = r.json();
        JsonNode p = o.get("provider");
        String statusText = p.get("registryStatus").textValue();
        Provider provider = new Provider(0, p.get("uscc").textValue(), p.get("nameZh").textValue(), opt(p, "nameEn"),
                p.get("entityType").textValue(), p.get("legalRep").textValue(), p.get("legalRepTitle").textValue(),
                opt(p, "registeredCapital"), p.get("registeredAddress").textValue(),
                p.get("registrationAuthority").textValue(), LocalDate.parse(p.get("establishedOn").textValue()),
                optDate(p, "termTo"), RegistryStatus.parse(statusText).orElseThrow(
                        () -> new IllegalStateException("schema allows registry status " + statusText)),
                p.get("businessScope").textValue());
        List<ServiceType> services = new ArrayList<>();
        o.get("services").forEach(s -> services.add(ServiceType.valueOf(s.textValue())));
        List<Equipment> equipment = new ArrayList<>();
        o.get("equipment").forEach(e -> equipment.add(new Equipment(e.get("category").textValue(), e.get("make").textValue(),
                e.get("model").textValue(), e.get("serial").textValue(), e.get("specialEquipment").booleanValue(),
                SiteType.valueOf(e.get("siteType").textValue()))));
        List<EvidenceItem> evidence = new ArrayList<>();
        for (JsonNode e : o.get("evidence")) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().textValue()));
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode a : e.get("attachments")) {
                String sm3 = a.get("sm3").textValue();
                blob.accept(sm3);
                attachments.add(new Attachment(a.get("fileName").textValue(), a.get("mediaType").textValue(), sm3, 0));
            }
            JsonNode sig = e.get("signature");
            RegistrySignature signature = sig == null || sig.isNull() ? null
                    : new RegistrySignature(sig.get("keyId").textValue(), sig.get("value").textValue());
            evidence.add(new EvidenceItem(0, EvidenceKind.valueOf(e.get("kind").textValue()),
                    EvidenceSource.valueOf(e.get("source").textValue()), e.get("title").textValue(), fields,
                    optDate(e, "validFrom"), optDate(e, "validTo"), OffsetDateTime.parse(e.get("recordedAt").textValue()),
                    attachments, signature));
        }
        JsonNode performer = o.get("performer");
        return new FilingCase(0, o.get("caseNo").textValue(), provider, o.get("districtCode").textValue(),
                o.get("platform").textValue(), LocalDate.parse(o.get("receivedOn").textValue()),
                LocalDate.parse(o.get("deadlineOn").textValue()), CaseStatus.valueOf(o.get("status").textValue()),
                opt(o, "assignee"), services, new Performer(performer.get("uscc").textValue(), performer.get("name").textValue()),
                o.get("subcontractDeclared").booleanValue(), equipment, evidence);
    }

    private static String opt(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.textValue();
    }

    private static LocalDate optDate(JsonNode o, String name) {
        String s = opt(o, name);
        return s == null ? null : LocalDate.parse(s);
    }
}
