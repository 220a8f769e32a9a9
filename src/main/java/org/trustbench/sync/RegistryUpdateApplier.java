package org.trustbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.Provider;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.format.RecordType;

/**
 * The {@code registry_update} records of an inbound package: the provider's registry values change, and the new
 * registry records replace the REGULATOR evidence of the provider's cases that are not decided. A provider with a case
 * decided locally (PENDING_SIGNOFF, DECIDED, EXPORTED) is not touched: the update becomes a REGISTRY_UPDATE_ON_DECIDED
 * conflict. An unknown USCC is skipped.
 */
final class RegistryUpdateApplier {

    private final SyncCaseRepository cases;
    private final CaseQueueRepository caseQueue;
    private final InboundApplier inbound;

    RegistryUpdateApplier(SyncCaseRepository cases, CaseQueueRepository caseQueue, InboundApplier inbound) {
        this.cases = cases;
        this.caseQueue = caseQueue;
        this.inbound = inbound;
    }

    void apply(ImportContext ctx) {
        ctx.pkg.forEachRecord(RecordType.REGISTRY_UPDATE, r -> {
            ctx.step();
            JsonNode o = r.json();
            String uscc = o.get("uscc").textValue();
            Optional<Provider> provider = cases.provider(ctx.tx, uscc);
            if (provider.isEmpty()) {
                ctx.skipped();
                return;
            }
            List<SyncCaseRepository.CaseRef> refs = cases.lockCasesOfProvider(ctx.tx, provider.get().id());
            List<SyncCaseRepository.CaseRef> decided = refs.stream().filter(SyncCaseRepository.CaseRef::decided).toList();
            List<EvidenceItem> evidence = evidence(o, ctx::storeBlob);
            if (decided.isEmpty()) {
                ctx.recheck(update(ctx.tx, provider.get(), o, refs, evidence));
                ctx.applied(RecordType.REGISTRY_UPDATE);
                return;
            }
            if (inbound.waiting(ctx.tx, ConflictKind.REGISTRY_UPDATE_ON_DECIDED, uscc, r)) {
                ctx.skipped();
                return;
            }
            List<ConflictField> fields = new ArrayList<>(CaseRecords.providerFields(provider.get(),
                    CaseRecords.changes(o.get("changes"))));
            if (!evidence.isEmpty()) {
                List<EvidenceItem> local = caseQueue.findCase(decided.get(0).id()).orElseThrow().evidence().stream()
                        .filter(e -> e.source() == EvidenceSource.REGULATOR).toList();
                fields.add(new ConflictField("evidence", CaseRecords.evidenceText(local), CaseRecords.evidenceText(evidence)));
            }
            ctx.conflict(ConflictKind.REGISTRY_UPDATE_ON_DECIDED, r, decided.get(0).caseNo(), uscc, uscc, fields);
        });
    }

    /** APPLY_INCOMING: the update applies now; decided cases keep the registry evidence their decision was made on. */
    List<Long> resolve(DSLContext tx, ConflictRepository.Stored stored) {
        JsonNode o = ImportJson.read(stored.incomingRecord());
        String uscc = o.get("uscc").textValue();
        Provider provider = cases.provider(tx, uscc).orElseThrow(() -> new UserException(
                UserMessage.of("conflict.error.providerGone", stored.conflict().id(), uscc)));
        return update(tx, provider, o, cases.lockCasesOfProvider(tx, provider.id()), evidence(o, sm3 -> { }));
    }

    /** Applies the update; returns the provider's cases, all of which need their rules re-run. */
    private List<Long> update(DSLContext tx, Provider provider, JsonNode o, List<SyncCaseRepository.CaseRef> refs,
                              List<EvidenceItem> evidence) {
        cases.updateProvider(tx, CaseRecords.withChanges(provider, o.get("changes")));
        if (!evidence.isEmpty()) {
            for (SyncCaseRepository.CaseRef ref : refs) {
                if (!ref.decided()) {
                    cases.replaceEvidence(tx, ref.id(), EvidenceSource.REGULATOR, evidence);
                }
            }
        }
        return refs.stream().map(SyncCaseRepository.CaseRef::id).toList();
    }

    private static List<EvidenceItem> evidence(JsonNode o, Consumer<String> blob) {
        List<EvidenceItem> out = new ArrayList<>();
        o.get("evidence").forEach(e -> out.add(CaseRecords.evidence(e, blob)));
        return out;
    }
}
