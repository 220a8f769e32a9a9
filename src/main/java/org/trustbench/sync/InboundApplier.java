package org.trustbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.intake.IntakeBatch;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.format.PackageRecord;
import org.trustbench.sync.format.RecordType;

/**
 * The {@code issuer_key} and {@code case} records of an inbound package, and the incoming side of a CASE_EXISTS
 * conflict when an officer applies it.
 */
final class InboundApplier {

    private final CaseIntakeRepository intake;
    private final SyncCaseRepository cases;
    private final CaseQueueRepository caseQueue;
    private final ConflictRepository conflicts;

    InboundApplier(CaseIntakeRepository intake, SyncCaseRepository cases, CaseQueueRepository caseQueue,
                   ConflictRepository conflicts) {
        this.intake = intake;
        this.cases = cases;
        this.caseQueue = caseQueue;
        this.conflicts = conflicts;
    }

    /**
     * ADD trusts a new key (a key already trusted is skipped; a revoked one is trusted again when the ADD takes effect
     * after the revocation). REVOKE marks a trusted key revoked from effectiveAt, keeping it for history (an unknown
     * or already revoked key is skipped). The cases with evidence signed by the key are re-checked.
     */
    void issuerKeys(ImportContext ctx) {
        ctx.pkg.forEachRecord(RecordType.ISSUER_KEY, r -> {
            ctx.step();
            JsonNode o = r.json();
            String keyId = o.get("keyId").textValue();
            OffsetDateTime effectiveAt = OffsetDateTime.parse(o.get("effectiveAt").textValue());
            Optional<SyncCaseRepository.IssuerRef> known = cases.issuer(ctx.tx, keyId);
            boolean add = "ADD".equals(o.get("action").textValue());
            boolean changed;
            if (add && known.isEmpty()) {
                cases.insertIssuer(ctx.tx, keyId, o.get("name").textValue(), o.get("publicKeyPem").textValue(), ctx.now);
                changed = true;
            } else if (add) {
                OffsetDateTime revokedAt = known.get().revokedAt();
                changed = revokedAt != null && effectiveAt.isAfter(revokedAt);
                if (changed) {
                    cases.setRevoked(ctx.tx, keyId, null);
                }
            } else {
                OffsetDateTime revokedAt = known.map(SyncCaseRepository.IssuerRef::revokedAt).orElse(null);
                changed = known.isPresent() && (revokedAt == null || effectiveAt.isBefore(revokedAt));
                if (changed) {
                    cases.setRevoked(ctx.tx, keyId, effectiveAt);
                }
            }
            if (changed) {
                ctx.applied(RecordType.ISSUER_KEY);
                ctx.recheck(cases.casesSignedBy(ctx.tx, keyId));
            } else {
                ctx.skipped();
            }
        });
    }

    /**
     * A new case number adds the case. A known one is compared with the local case (its workflow status and assignee
     * are local work and not compared): identical content is skipped, different content becomes a CASE_EXISTS
     * conflict (skipped when the same incoming record already waits in an open conflict). A case number twice in the
     * package refuses it at the second record.
     *
     * <p>Records are read one by one (progress, cancellation, parsing and the duplicate check per record) and applied
     * in chunks of {@link #CHUNK}: one locking query finds which numbers the store has, one query which attachments,
     * and the new cases go in as one batch. All inside the package's one transaction.
     */
    void cases(ImportContext ctx) {
        Set<String> seen = new HashSet<>();
        List<Incoming> chunk = new ArrayList<>(CHUNK);
        ctx.pkg.forEachRecord(RecordType.CASE, CASE, (r, filingCase) -> {
            ctx.step();
            String caseNo = filingCase.caseNo();
            if (!seen.add(caseNo)) {
                throw ImportContext.refuse(r, "sync.import.duplicateCase", caseNo);
            }
            chunk.add(new Incoming(r, filingCase));
            if (chunk.size() == CHUNK) {
                applyChunk(ctx, chunk);
                chunk.clear();
                ctx.storeChecked(false);
            }
        });
        applyChunk(ctx, chunk);
        ctx.storeChecked(true);
    }

    /**
     * A {@code case} record as a new case: a function of the record alone, which the content verification applies on its
     * own thread when it feeds the import the entry (ImportService).
     */
    static final Function<PackageRecord, FilingCase> CASE = r -> CaseRecords.toCase(r.json(), sm3 -> { });

    /** A parsed case record and the record it came from. */
    private record Incoming(PackageRecord record, FilingCase filingCase) {
    }

    /** Size of the chunks {@link #cases} applies at once; about 200 keeps the JDBC batches deep and the chunk small. */
    static final int CHUNK = 200;

    private void applyChunk(ImportContext ctx, List<Incoming> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, SyncCaseRepository.CaseRef> local = cases.lockCases(ctx.tx,
                chunk.stream().map(i -> i.filingCase().caseNo()).toList());
        List<FilingCase> fresh = new ArrayList<>();
        Map<String, Provider> providers = new LinkedHashMap<>();
        Set<String> blobs = new LinkedHashSet<>();
        for (Incoming in : chunk) {
            FilingCase incoming = in.filingCase();
            SyncCaseRepository.CaseRef ref = local.get(incoming.caseNo());
            if (ref == null) {
                fresh.add(incoming);
                providers.putIfAbsent(incoming.provider().uscc(), incoming.provider());
                addBlobs(blobs, incoming);
                continue;
            }
            FilingCase existing = caseQueue.findCase(ref.id()).orElseThrow();
            List<ConflictField> fields = CaseRecords.caseFields(existing, incoming);
            if (fields.stream().noneMatch(ConflictField::differs)
                    || waiting(ctx.tx, ConflictKind.CASE_EXISTS, incoming.caseNo(), in.record())) {
                ctx.skipped();
                continue;
            }
            addBlobs(blobs, incoming);
            ctx.conflict(ConflictKind.CASE_EXISTS, in.record(), incoming.caseNo(), incoming.provider().uscc(),
                    incoming.caseNo(), fields);
        }
        ctx.storeBlobs(blobs);
        if (!fresh.isEmpty()) {
            List<FilingCase> stored = intake.insertNew(ctx.tx, new IntakeBatch(List.copyOf(providers.values()), fresh,
                    Map.of(), List.of()));
            stored.forEach(c -> {
                ctx.newCase(c.id());
                ctx.applied(RecordType.CASE);
            });
            ctx.inserted(stored);
        }
    }

    private static void addBlobs(Set<String> blobs, FilingCase c) {
        c.evidence().forEach(e -> e.attachments().forEach(a -> blobs.add(a.sm3())));
    }

    /** Whether the same incoming record already waits in an open conflict of {@code kind} on {@code key}. */
    boolean waiting(DSLContext tx, ConflictKind kind, String key, PackageRecord r) {
        return conflicts.lockOpen(tx, kind, key).stream()
                .anyMatch(c -> ImportJson.read(c.incomingRecord()).equals(r.json()));
    }

    /** APPLY_INCOMING of a CASE_EXISTS conflict: only while the case is not decided locally. */
    List<Long> resolveCaseExists(DSLContext tx, ConflictRepository.Stored stored) {
        FilingCase incoming = CaseRecords.toCase(ImportJson.read(stored.incomingRecord()), sm3 -> { });
        SyncCaseRepository.CaseRef ref = cases.lockCase(tx, incoming.caseNo()).orElseThrow(() -> new UserException(
                UserMessage.of("conflict.error.caseGone", stored.conflict().id(), incoming.caseNo())));
        if (ref.decided()) {
            throw new UserException(UserMessage.of("conflict.error.caseDecided", stored.conflict().id(), ref.caseNo(),
                    "#status." + ref.status().name()));
        }
        cases.replaceCaseContent(tx, ref.id(), incoming);
        return List.of(ref.id());
    }
}
