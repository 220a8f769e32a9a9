package org.trustbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.domain.CaseStatus;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.SyncDecisionRepository.StoredDecision;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.conflict.ConflictStatus;
import org.trustbench.sync.format.PackageRecord;
import org.trustbench.sync.format.RecordType;

/**
 * The {@code decision} and {@code signoff} records of an outbound package, applied in sequence order on a central or
 * supervisor desk. Decisions keep their origin id, decidedBy, decidedAt, findings snapshot and evidence digests; the
 * case status follows the workflow (an override waits in PENDING_SIGNOFF, otherwise DECIDED; a sign-off moves it on
 * to DECIDED, sending back to IN_REVIEW). Nothing goes to the receiving store's outbox.
 *
 * <p>A decision for a case with an effective local decision it does not supersede becomes a DECISION_CONFLICT; the
 * sign-offs that arrive for a held decision wait with it. A record already here (same origin id) is skipped. Refused,
 * naming entry and line: an unknown case number, a supersession or sign-off of an unknown decision, a sign-off the
 * case is not waiting for, and {@code inspection} records (not supported yet).
 */
final class OutboundApplier {

    private final SyncCaseRepository cases;
    private final SyncDecisionRepository decisions;
    private final ConflictRepository conflicts;
    private final AuditRepository audit;
    /** This store's workstation id, read when first needed (loading the key costs a second on a cold JVM). */
    private final java.util.function.Supplier<String> ownWorkstationId;

    OutboundApplier(SyncCaseRepository cases, SyncDecisionRepository decisions, ConflictRepository conflicts,
                    AuditRepository audit, java.util.function.Supplier<String> ownWorkstationId) {
        this.cases = cases;
        this.decisions = decisions;
        this.conflicts = conflicts;
        this.audit = audit;
        this.ownWorkstationId = Objects.requireNonNull(ownWorkstationId, "ownWorkstationId");
    }

    void apply(ImportContext ctx) {
        ctx.pkg.forEachRecord(RecordType.INSPECTION, r -> {
            throw ImportContext.refuse(r, "sync.import.inspectionUnsupported");
        });
        // Sign-offs are few; holding them lets both entries apply in one sequence order.
        TreeMap<Long, PackageRecord> signOffs = new TreeMap<>();
        ctx.pkg.forEachRecord(RecordType.SIGNOFF, r -> signOffs.put(r.json().get("seq").longValue(), r));
        ctx.pkg.forEachRecord(RecordType.DECISION, r -> {
            long seq = r.json().get("seq").longValue();
            while (!signOffs.isEmpty() && signOffs.firstKey() < seq) {
                signOff(ctx, signOffs.pollFirstEntry().getValue());
            }
            decision(ctx, r);
        });
        while (!signOffs.isEmpty()) {
            signOff(ctx, signOffs.pollFirstEntry().getValue());
        }
    }

    private void decision(ImportContext ctx, PackageRecord r) {
        ctx.step();
        JsonNode o = r.json();
        String originId = o.get("decisionId").textValue();
        String caseNo = o.get("caseNo").textValue();
        SyncCaseRepository.CaseRef ref = cases.lockCase(ctx.tx, caseNo)
                .orElseThrow(() -> ImportContext.refuse(r, "sync.import.unknownCase", caseNo));
        if (find(ctx.tx, originId).isPresent() || conflicts.exists(ctx.tx, ConflictKind.DECISION_CONFLICT, originId)) {
            ctx.skipped();
            return;
        }
        StoredDecision target = null;
        String supersedes = CaseRecords.opt(o, "supersedes");
        if (supersedes != null) {
            target = find(ctx.tx, supersedes).filter(d -> d.caseId() == ref.id())
                    .orElseThrow(() -> ImportContext.refuse(r, "sync.import.unknownSuperseded", supersedes, caseNo));
        }
        Optional<StoredDecision> latest = decisions.latest(ctx.tx, ref.id());
        boolean supersedesLatest = target != null && latest.isPresent() && target.id() == latest.get().id();
        if (latest.isEmpty() || !latest.get().effective() || supersedesLatest) {
            insert(ctx.tx, ctx.actor, ctx.packageId, ref, o, target == null ? null : target.id());
            ctx.applied(RecordType.DECISION);
            return;
        }
        ctx.conflict(ConflictKind.DECISION_CONFLICT, r, caseNo, ref.providerUscc(), originId, fields(latest.get(), o));
    }

    private void signOff(ImportContext ctx, PackageRecord r) {
        ctx.step();
        JsonNode o = r.json();
        String originId = o.get("decisionId").textValue();
        String caseNo = o.get("caseNo").textValue();
        Optional<StoredDecision> target = find(ctx.tx, originId);
        if (target.isEmpty()) {
            List<ConflictRepository.Stored> held = conflicts.lockOpen(ctx.tx, ConflictKind.DECISION_CONFLICT, originId);
            if (!held.isEmpty()) {
                ObjectNode incoming = (ObjectNode) ImportJson.read(held.get(0).incomingRecord());
                ArrayNode waiting = incoming.has("signOffs") ? (ArrayNode) incoming.get("signOffs") : incoming.putArray("signOffs");
                waiting.add(o);
                conflicts.updateIncoming(ctx.tx, held.get(0).conflict().id(), incoming.toString());
                ctx.held();
                return;
            }
            if (conflicts.latestStatus(ctx.tx, ConflictKind.DECISION_CONFLICT, originId)
                    .filter(s -> s == ConflictStatus.KEPT_LOCAL).isPresent()) {
                ctx.skipped();
                return;
            }
            throw ImportContext.refuse(r, "sync.import.unknownDecision", originId, caseNo);
        }
        StoredDecision d = target.get();
        SyncCaseRepository.CaseRef ref = cases.lockCase(ctx.tx, caseNo).filter(c -> c.id() == d.caseId())
                .orElseThrow(() -> ImportContext.refuse(r, "sync.import.unknownCase", caseNo));
        if (d.signOffVerdict() != null) {
            boolean same = d.signOffVerdict().equals(o.get("verdict").textValue()) && d.signedBy().equals(o.get("signedBy").textValue())
                    && d.signedAt().toInstant().equals(OffsetDateTime.parse(o.get("signedAt").textValue()).toInstant());
            if (!same) {
                throw ImportContext.refuse(r, "sync.import.signedTwice", originId, caseNo);
            }
            ctx.skipped();
            return;
        }
        boolean latest = decisions.latest(ctx.tx, ref.id()).map(StoredDecision::id).filter(id -> id == d.id()).isPresent();
        if (!latest || !d.isOverride() || ref.status() != CaseStatus.PENDING_SIGNOFF) {
            throw ImportContext.refuse(r, "sync.import.signOffState", originId, caseNo, "#status." + ref.status().name());
        }
        insertSignOff(ctx.tx, ctx.actor, ctx.packageId, ref, d, o);
        ctx.applied(RecordType.SIGNOFF);
    }

    /** APPLY_INCOMING of a DECISION_CONFLICT: the incoming decision supersedes the newest local one, then its sign-offs. */
    List<Long> resolve(DSLContext tx, ConflictRepository.Stored stored, String actor) {
        JsonNode o = ImportJson.read(stored.incomingRecord());
        String caseNo = o.get("caseNo").textValue();
        SyncCaseRepository.CaseRef ref = cases.lockCase(tx, caseNo).orElseThrow(() -> new UserException(
                UserMessage.of("conflict.error.caseGone", stored.conflict().id(), caseNo)));
        Long latest = decisions.latest(tx, ref.id()).map(StoredDecision::id).orElse(null);
        long id = insert(tx, actor, stored.conflict().packageId(), ref, o, latest);
        JsonNode held = o.get("signOffs");
        if (held != null) {
            for (JsonNode s : held) {
                SyncCaseRepository.CaseRef now = cases.lockCase(tx, caseNo).orElseThrow();
                insertSignOff(tx, actor, stored.conflict().packageId(), now, decisions.byId(tx, id).orElseThrow(), s);
            }
        }
        return List.of(ref.id());
    }

    /** The decision with this record id: imported under it, or made here when it carries this workstation's prefix. */
    private Optional<StoredDecision> find(DSLContext tx, String recordId) {
        String own = ownWorkstationId.get() + "/";
        if (recordId.startsWith(own)) {
            try {
                return decisions.byId(tx, Long.parseLong(recordId.substring(own.length())))
                        .filter(d -> d.originId() == null);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return decisions.byOrigin(tx, recordId);
    }

    private long insert(DSLContext tx, String actor, String packageId, SyncCaseRepository.CaseRef ref, JsonNode o,
                        Long supersedesId) {
        String override = CaseRecords.opt(o, "overrideJustification");
        long id = decisions.insert(tx, new SyncDecisionRepository.NewDecision(ref.id(), o.get("decisionId").textValue(),
                packageId, o.get("outcome").textValue(), csv(o.get("reasons")), CaseRecords.opt(o, "rationale"),
                csv(o.get("supplements")), o.get("acknowledged").toString(), override, o.get("findings").toString(),
                o.get("evidenceDigests").toString(), o.get("decidedBy").textValue(),
                OffsetDateTime.parse(o.get("decidedAt").textValue()), supersedesId));
        CaseStatus next = override != null ? CaseStatus.PENDING_SIGNOFF : CaseStatus.DECIDED;
        decisions.setCaseStatus(tx, ref.id(), next);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decisionId", id);
        detail.put("originId", o.get("decisionId").textValue());
        detail.put("package", packageId);
        detail.put("outcome", o.get("outcome").textValue());
        detail.put("decidedBy", o.get("decidedBy").textValue());
        detail.put("statusFrom", ref.status().name());
        detail.put("statusTo", next.name());
        if (supersedesId != null) {
            detail.put("supersedes", supersedesId);
        }
        AuditAction action = supersedesId != null ? AuditAction.SUPERSEDE : override != null ? AuditAction.OVERRIDE
                : AuditAction.DECISION;
        audit.append(tx, actor, action, "case:" + ref.caseNo(), detail);
        return id;
    }

    private void insertSignOff(DSLContext tx, String actor, String packageId, SyncCaseRepository.CaseRef ref,
                               StoredDecision d, JsonNode o) {
        String verdict = o.get("verdict").textValue();
        decisions.insertSignOff(tx, d.id(), verdict, CaseRecords.opt(o, "note"), o.get("signedBy").textValue(),
                OffsetDateTime.parse(o.get("signedAt").textValue()), packageId);
        boolean signedOff = "SIGNED_OFF".equals(verdict);
        CaseStatus next = signedOff ? CaseStatus.DECIDED : CaseStatus.IN_REVIEW;
        decisions.setCaseStatus(tx, ref.id(), next);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decisionId", d.id());
        detail.put("originId", o.get("decisionId").textValue());
        detail.put("package", packageId);
        detail.put("signedBy", o.get("signedBy").textValue());
        detail.put("statusTo", next.name());
        audit.append(tx, actor, signedOff ? AuditAction.SIGN_OFF : AuditAction.SEND_BACK, "case:" + ref.caseNo(), detail);
    }

    /** The local effective decision beside the incoming one. */
    private static List<ConflictField> fields(StoredDecision local, JsonNode o) {
        List<ConflictField> out = new ArrayList<>();
        out.add(new ConflictField("decisionId", local.originId() != null ? local.originId() : "#" + local.id(),
                o.get("decisionId").textValue()));
        out.add(new ConflictField("outcome", local.outcome(), o.get("outcome").textValue()));
        out.add(new ConflictField("reasons", local.reasons(), csv(o.get("reasons"))));
        out.add(new ConflictField("supplements", local.supplements(), csv(o.get("supplements"))));
        out.add(new ConflictField("rationale", local.rationale(), CaseRecords.opt(o, "rationale")));
        out.add(new ConflictField("overrideJustification", local.overrideJustification(),
                CaseRecords.opt(o, "overrideJustification")));
        out.add(new ConflictField("decidedBy", local.decidedBy(), o.get("decidedBy").textValue()));
        out.add(new ConflictField("decidedAt", local.decidedAt().toInstant().toString(),
                OffsetDateTime.parse(o.get("decidedAt").textValue()).toInstant().toString()));
        out.add(new ConflictField("signOff", local.signOffVerdict(), null));
        return out;
    }

    private static String csv(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.textValue()));
        return String.join(",", items);
    }
}
