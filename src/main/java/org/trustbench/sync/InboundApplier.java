package org.trustbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.domain.FilingCase;
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
     * conflict (skipped when the same incoming record already waits in an open conflict).
     */
    void cases(ImportContext ctx) {
        Set<String> seen = new HashSet<>();
        ctx.pkg.forEachRecord(RecordType.CASE, r -> {
            ctx.step();
            String caseNo = r.json().get("caseNo").textValue();
            if (!seen.add(caseNo)) {
                throw ImportContext.refuse(r, "sync.import.duplicateCase", caseNo);
            }
            FilingCase incoming = CaseRecords.toCase(r.json(), sm3 -> { });
            Optional<SyncCaseRepository.CaseRef> local = cases.lockCase(ctx.tx, caseNo);
            if (local.isEmpty()) {
                storeBlobs(ctx, incoming);
                List<Long> ids = intake.insertNew(ctx.tx, new IntakeBatch(List.of(incoming.provider()), List.of(incoming),
                        Map.of(), List.of()));
                ids.forEach(ctx::newCase);
                ctx.applied(RecordType.CASE);
                return;
            }
            FilingCase existing = caseQueue.findCase(local.get().id()).orElseThrow();
            List<ConflictField> fields = CaseRecords.caseFields(existing, incoming);
            if (fields.stream().noneMatch(ConflictField::differs) || waiting(ctx.tx, ConflictKind.CASE_EXISTS, caseNo, r)) {
                ctx.skipped();
                return;
            }
            storeBlobs(ctx, incoming);
            ctx.conflict(ConflictKind.CASE_EXISTS, r, caseNo, incoming.provider().uscc(), caseNo, fields);
        });
    }

    /** Whether the same incoming record already waits in an open conflict of {@code kind} on {@code key}. */
    boolean waiting(DSLContext tx, ConflictKind kind, String key, PackageRecord r) {
        return conflicts.lockOpen(tx, kind, key).stream()
                .anyMatch(c -> ImportJson.read(c.incomingRecord()).equals(r.json()));
    }

    private static void storeBlobs(ImportContext ctx, FilingCase c) {
        c.evidence().forEach(e -> e.attachments().forEach(a -> ctx.storeBlob(a.sm3())));
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
