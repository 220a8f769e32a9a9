package org.trustbench.caseq;

import static org.trustbench.db.jooq.Tables.ATTACHMENT;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.DECISION;
import static org.trustbench.db.jooq.Tables.EQUIPMENT;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.PROVIDER;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.trustbench.db.IdList;
import org.trustbench.db.jooq.tables.records.ProviderRecord;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
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
import org.trustbench.domain.Severity;
import org.trustbench.domain.SiteType;
import org.trustbench.db.StoreJson;

/** Reads cases for the queue and the detail pane. Returns domain records only. */
public final class CaseQueueRepository {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };
    private final DSLContext dsl;
    private final java.time.ZoneId zone;

    public CaseQueueRepository(DSLContext dsl, java.time.ZoneId zone) {
        this.dsl = dsl;
        this.zone = zone;
    }

    /** Streams every case's queue row to {@code sink}, in case-number order, without holding the result set in memory. */
    public void forEachSummary(Consumer<CaseSummary> sink) {
        try (Stream<? extends Record> rows = summaries(org.jooq.impl.DSL.noCondition())
                .orderBy(FILING_CASE.CASE_NO)
                .fetchSize(1000)
                .stream()) {
            rows.forEach(r -> sink.accept(summary(r)));
        }
    }

    /**
     * The first {@code limit} queue rows in the queue's default order (deadline, then case number): what the queue
     * shows before its index is built ({@link FirstPageQuery}, plain JDBC: 200 entries of the deadline index).
     */
    public List<CaseSummary> firstByDeadline(int limit) {
        return dsl.connectionResult(c -> FirstPageQuery.rows(c, zone, limit));
    }

    /**
     * What the queue shows before its index is built: the first rows in the default order and the number of cases
     * (the table's row count, which H2 keeps; counting by status reads a whole index, and comes with the queue's index).
     */
    public record FirstPage(List<CaseSummary> rows, int total) {
        public FirstPage {
            rows = List.copyOf(rows);
        }
    }

    /** {@link #firstByDeadline} and the number of cases. */
    public FirstPage firstPage(int limit) {
        return dsl.connectionResult(c -> FirstPageQuery.read(c, zone, limit));
    }

    private org.jooq.SelectConditionStep<? extends Record> summaries(org.jooq.Condition where) {
        // Made per query, not a constant: a constant would initialise jOOQ's tables when the services are wired at
        // start-up (about 0.3 s on a cold JVM), before the first frame, which reads its rows without jOOQ.
        org.trustbench.db.jooq.tables.Decision latest = DECISION.as("latest");
        return dsl.select(FILING_CASE.ID, FILING_CASE.CASE_NO, PROVIDER.NAME_ZH, PROVIDER.NAME_EN,
                        PROVIDER.USCC, FILING_CASE.SERVICES, FILING_CASE.RECEIVED_ON, FILING_CASE.DEADLINE_ON,
                        FILING_CASE.STATUS, FILING_CASE.ASSIGNEE, CASE_CHECK.MAX_SEVERITY, CASE_CHECK.FINDING_COUNT,
                        DECISION.DECIDED_BY, DECISION.DECIDED_AT)
                .from(FILING_CASE).join(PROVIDER).on(PROVIDER.ID.eq(FILING_CASE.PROVIDER_ID))
                .leftJoin(CASE_CHECK).on(CASE_CHECK.CASE_ID.eq(FILING_CASE.ID))
                .leftJoin(DECISION).on(DECISION.ID.eq(org.jooq.impl.DSL.select(org.jooq.impl.DSL.max(latest.ID))
                        .from(latest).where(latest.CASE_ID.eq(FILING_CASE.ID))))
                .where(where);
    }

    private CaseSummary summary(Record r) {
        return new CaseSummary(
                r.get(FILING_CASE.ID), r.get(FILING_CASE.CASE_NO), r.get(PROVIDER.NAME_ZH), r.get(PROVIDER.NAME_EN),
                r.get(PROVIDER.USCC), services(r.get(FILING_CASE.SERVICES)), r.get(FILING_CASE.RECEIVED_ON),
                r.get(FILING_CASE.DEADLINE_ON), CaseStatus.valueOf(r.get(FILING_CASE.STATUS)), r.get(FILING_CASE.ASSIGNEE),
                r.get(CASE_CHECK.MAX_SEVERITY) == null ? null : Severity.valueOf(r.get(CASE_CHECK.MAX_SEVERITY)),
                r.get(CASE_CHECK.FINDING_COUNT) == null ? -1 : r.get(CASE_CHECK.FINDING_COUNT),
                r.get(DECISION.DECIDED_BY),
                r.get(DECISION.DECIDED_AT) == null ? null
                        : r.get(DECISION.DECIDED_AT).atZoneSameInstant(zone).toLocalDate());
    }

    public List<CaseSummary> findAllSummaries() {
        List<CaseSummary> all = new ArrayList<>();
        forEachSummary(all::add);
        return all;
    }

    /** The full case with provider, equipment and evidence (two queries, as {@link #findCases}). */
    public Optional<FilingCase> findCase(long caseId) {
        List<FilingCase> found = findCases(List.of(caseId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The full cases with these ids that exist, in the order of {@code ids}, in two queries however many: the cases with
     * their provider and equipment, and their evidence with its attachments.
     */
    public List<FilingCase> findCases(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > IdList.MAX) {
            List<Long> all = List.copyOf(ids);
            List<FilingCase> out = new ArrayList<>(all.size());
            for (int from = 0; from < all.size(); from += IdList.MAX) {
                out.addAll(findCases(all.subList(from, Math.min(all.size(), from + IdList.MAX))));
            }
            return out;
        }
        IdList wanted = IdList.of(ids);
        Map<Long, Record> rows = new HashMap<>();
        Map<Long, List<Equipment>> equipment = new HashMap<>();
        dsl.select(FILING_CASE.asterisk(), PROVIDER.asterisk(), EQUIPMENT.asterisk()).from(wanted.table())
                .join(FILING_CASE).on(FILING_CASE.ID.eq(wanted.id()))
                .join(PROVIDER).on(PROVIDER.ID.eq(FILING_CASE.PROVIDER_ID))
                .leftJoin(EQUIPMENT).on(EQUIPMENT.CASE_ID.eq(FILING_CASE.ID))
                .orderBy(FILING_CASE.ID, EQUIPMENT.ID)
                .forEach(r -> {
                    Long id = r.get(FILING_CASE.ID);
                    rows.putIfAbsent(id, r);
                    List<Equipment> list = equipment.computeIfAbsent(id, k -> new ArrayList<>());
                    if (r.get(EQUIPMENT.ID) != null) {
                        list.add(new Equipment(r.get(EQUIPMENT.CATEGORY_CODE), r.get(EQUIPMENT.MAKE), r.get(EQUIPMENT.MODEL),
                                r.get(EQUIPMENT.SERIAL_NO), r.get(EQUIPMENT.SPECIAL_EQUIPMENT),
                                SiteType.valueOf(r.get(EQUIPMENT.SITE_TYPE))));
                    }
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<EvidenceItem>> evidence = evidence(IdList.of(rows.keySet()));
        List<FilingCase> out = new ArrayList<>(rows.size());
        for (Long id : ids) {
            Record row = rows.get(id);
            if (row != null) {
                out.add(toCase(row, equipment.get(id), evidence.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    private static FilingCase toCase(Record row, List<Equipment> equipment, List<EvidenceItem> evidence) {
        Provider provider = toProvider(row.into(PROVIDER));
        return new FilingCase(row.get(FILING_CASE.ID), row.get(FILING_CASE.CASE_NO), provider,
                row.get(FILING_CASE.DISTRICT_CODE), row.get(FILING_CASE.PLATFORM), row.get(FILING_CASE.RECEIVED_ON),
                row.get(FILING_CASE.DEADLINE_ON), CaseStatus.valueOf(row.get(FILING_CASE.STATUS)),
                row.get(FILING_CASE.ASSIGNEE), services(row.get(FILING_CASE.SERVICES)),
                new Performer(row.get(FILING_CASE.PERFORMER_USCC), row.get(FILING_CASE.PERFORMER_NAME)),
                row.get(FILING_CASE.SUBCONTRACT_DECLARED), equipment, evidence);
    }

    public Optional<Long> findIdByCaseNo(String caseNo) {
        return dsl.select(FILING_CASE.ID).from(FILING_CASE).where(FILING_CASE.CASE_NO.eq(caseNo)).fetchOptional(FILING_CASE.ID);
    }

    /** Evidence of the cases by case id, each in id order with its attachments in id order: one query. */
    private Map<Long, List<EvidenceItem>> evidence(IdList caseIds) {
        Map<Long, List<EvidenceItem>> out = new HashMap<>();
        List<Record> group = new ArrayList<>();
        dsl.select(EVIDENCE.asterisk(), ATTACHMENT.ID, ATTACHMENT.FILE_NAME, ATTACHMENT.MEDIA_TYPE, ATTACHMENT.SM3,
                        ATTACHMENT_BLOB.SIZE_BYTES)
                .from(caseIds.table()).join(EVIDENCE).on(EVIDENCE.CASE_ID.eq(caseIds.id()))
                .leftJoin(ATTACHMENT).on(ATTACHMENT.EVIDENCE_ID.eq(EVIDENCE.ID))
                .leftJoin(ATTACHMENT_BLOB).on(ATTACHMENT_BLOB.SM3.eq(ATTACHMENT.SM3))
                .orderBy(EVIDENCE.ID, ATTACHMENT.ID)
                .forEach(r -> {
                    if (!group.isEmpty() && !group.get(0).get(EVIDENCE.ID).equals(r.get(EVIDENCE.ID))) {
                        addEvidence(group, out);
                    }
                    group.add(r);
                });
        if (!group.isEmpty()) {
            addEvidence(group, out);
        }
        return out;
    }

    /** One evidence item from its rows (one per attachment, or one without), added to its case's list; clears rows. */
    private static void addEvidence(List<Record> rows, Map<Long, List<EvidenceItem>> out) {
        Record r = rows.get(0);
        List<Attachment> attachments = new ArrayList<>(rows.size());
        for (Record a : rows) {
            // an attachment whose content row is missing is left out, as the inner join did before
            if (a.get(ATTACHMENT_BLOB.SIZE_BYTES) != null) {
                attachments.add(new Attachment(a.get(ATTACHMENT.FILE_NAME), a.get(ATTACHMENT.MEDIA_TYPE), a.get(ATTACHMENT.SM3),
                        a.get(ATTACHMENT_BLOB.SIZE_BYTES)));
            }
        }
        out.computeIfAbsent(r.get(EVIDENCE.CASE_ID), k -> new ArrayList<>()).add(new EvidenceItem(r.get(EVIDENCE.ID),
                EvidenceKind.valueOf(r.get(EVIDENCE.KIND)), EvidenceSource.valueOf(r.get(EVIDENCE.SOURCE)),
                r.get(EVIDENCE.TITLE), fields(r.get(EVIDENCE.FIELDS).data()), r.get(EVIDENCE.VALID_FROM),
                r.get(EVIDENCE.VALID_TO), r.get(EVIDENCE.RECORDED_AT), attachments,
                r.get(EVIDENCE.SIGNATURE) == null ? null
                        : new RegistrySignature(r.get(EVIDENCE.SIGNER_KEY_ID), r.get(EVIDENCE.SIGNATURE))));
        rows.clear();
    }

    private static Map<String, String> fields(String json) {
        try {
            return StoreJson.mapper().readValue(json, FIELDS);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence fields are not a JSON object of strings", e);
        }
    }

    /** A provider row as a domain value. */
    public static Provider toProvider(ProviderRecord p) {
        return new Provider(p.getId(), p.getUscc(), p.getNameZh(), p.getNameEn(), p.getEntityType(), p.getLegalRep(),
                p.getLegalRepTitle(), p.getRegisteredCapital(), p.getRegisteredAddress(), p.getRegistrationAuthority(),
                p.getEstablishedOn(), p.getTermTo(), RegistryStatus.valueOf(p.getRegistryStatus()), p.getBusinessScope());
    }

    static List<ServiceType> services(String csv) {
        return FirstPageQuery.services(csv);
    }
}
