package org.trustbench.intake;

import static org.trustbench.db.jooq.Tables.ATTACHMENT;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.DECISION;
import static org.trustbench.db.jooq.Tables.DECISION_SIGNOFF;
import static org.trustbench.db.jooq.Tables.EQUIPMENT;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.FINDING;
import static org.trustbench.db.jooq.Tables.PROVIDER;
import static org.trustbench.db.jooq.Tables.STORE_INFO;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.domain.TrustedIssuer;

/** Writes new providers and cases into the store. */
public final class CaseIntakeRepository {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private final DSLContext dsl;

    public CaseIntakeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Replaces every provider, case, evidence item and attachment with {@code batch} and records
     * the given store metadata, all in one transaction: on any failure nothing changes.
     */
    public void replaceAll(IntakeBatch batch, Map<String, String> storeInfo) {
        dsl.transaction(tx -> {
            DSLContext ctx = tx.dsl();
            ctx.deleteFrom(DECISION_SIGNOFF).execute();
            ctx.deleteFrom(DECISION).execute();
            ctx.deleteFrom(FINDING).execute();
            ctx.deleteFrom(CASE_CHECK).execute();
            ctx.deleteFrom(TRUSTED_ISSUER).execute();
            ctx.deleteFrom(ATTACHMENT).execute();
            ctx.deleteFrom(ATTACHMENT_BLOB).execute();
            ctx.deleteFrom(EVIDENCE).execute();
            ctx.deleteFrom(EQUIPMENT).execute();
            ctx.deleteFrom(FILING_CASE).execute();
            ctx.deleteFrom(PROVIDER).execute();
            insert(ctx, batch, false);
            for (Map.Entry<String, String> e : storeInfo.entrySet()) {
                ctx.deleteFrom(STORE_INFO).where(STORE_INFO.INFO_KEY.eq(e.getKey())).execute();
                ctx.insertInto(STORE_INFO)
                        .set(STORE_INFO.INFO_KEY, e.getKey())
                        .set(STORE_INFO.INFO_VALUE, e.getValue())
                        .execute();
            }
        });
    }

    /**
     * Adds {@code batch} to what the store holds, in the caller's transaction, deleting nothing: a provider whose
     * USCC the store already has is reused (its row is left as it is), an attachment blob or trusted issuer already
     * present is kept. The caller makes sure no case number exists yet (the insert fails otherwise).
     *
     * @return the ids of the new cases, in the batch's order
     */
    public List<Long> insertNew(DSLContext tx, IntakeBatch batch) {
        return insert(tx, batch, true);
    }

    /** Inserts the batch; {@code keepExisting} reuses providers, blobs and issuers the store already has. */
    private List<Long> insert(DSLContext ctx, IntakeBatch batch, boolean keepExisting) {
        List<Long> caseIds = new ArrayList<>();
        for (TrustedIssuer issuer : batch.issuers()) {
            if (keepExisting && ctx.fetchExists(TRUSTED_ISSUER, TRUSTED_ISSUER.KEY_ID.eq(issuer.keyId()))) {
                continue;
            }
            ctx.insertInto(TRUSTED_ISSUER)
                    .set(TRUSTED_ISSUER.KEY_ID, issuer.keyId())
                    .set(TRUSTED_ISSUER.NAME, issuer.name())
                    .set(TRUSTED_ISSUER.PUBLIC_KEY_PEM, issuer.publicKeyPem())
                    .set(TRUSTED_ISSUER.ADDED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                    .execute();
        }
        for (Map.Entry<String, byte[]> blob : batch.blobs().entrySet()) {
            if (keepExisting && ctx.fetchExists(ATTACHMENT_BLOB, ATTACHMENT_BLOB.SM3.eq(blob.getKey()))) {
                continue;
            }
            ctx.insertInto(ATTACHMENT_BLOB)
                    .set(ATTACHMENT_BLOB.SM3, blob.getKey())
                    .set(ATTACHMENT_BLOB.SIZE_BYTES, (long) blob.getValue().length)
                    .set(ATTACHMENT_BLOB.CONTENT, blob.getValue())
                    .execute();
        }
        Map<String, Long> providerIds = new HashMap<>();
        for (Provider p : batch.providers()) {
            Long existing = keepExisting
                    ? ctx.select(PROVIDER.ID).from(PROVIDER).where(PROVIDER.USCC.eq(p.uscc())).fetchOne(PROVIDER.ID)
                    : null;
            providerIds.put(p.uscc(), existing != null ? existing : insertProvider(ctx, p));
        }
        for (FilingCase c : batch.cases()) {
            Long providerId = providerIds.get(c.provider().uscc());
            if (providerId == null) {
                throw new IllegalArgumentException("case " + c.caseNo() + " refers to an unknown provider " + c.provider().uscc());
            }
            long caseId = insertCase(ctx, c, providerId);
            caseIds.add(caseId);
            for (Equipment e : c.equipment()) {
                ctx.insertInto(EQUIPMENT)
                        .set(EQUIPMENT.CASE_ID, caseId)
                        .set(EQUIPMENT.CATEGORY_CODE, e.categoryCode())
                        .set(EQUIPMENT.MAKE, e.make())
                        .set(EQUIPMENT.MODEL, e.model())
                        .set(EQUIPMENT.SERIAL_NO, e.serial())
                        .set(EQUIPMENT.SPECIAL_EQUIPMENT, e.specialEquipment())
                        .set(EQUIPMENT.SITE_TYPE, e.siteType().name())
                        .execute();
            }
            for (EvidenceItem item : c.evidence()) {
                insertEvidence(ctx, caseId, item);
            }
        }
        return caseIds;
    }

    private static long insertProvider(DSLContext ctx, Provider p) {
        return ctx.insertInto(PROVIDER)
                .set(PROVIDER.USCC, p.uscc())
                .set(PROVIDER.NAME_ZH, p.nameZh())
                .set(PROVIDER.NAME_EN, p.nameEn())
                .set(PROVIDER.ENTITY_TYPE, p.entityType())
                .set(PROVIDER.LEGAL_REP, p.legalRep())
                .set(PROVIDER.LEGAL_REP_TITLE, p.legalRepTitle())
                .set(PROVIDER.REGISTERED_CAPITAL, p.registeredCapital())
                .set(PROVIDER.REGISTERED_ADDRESS, p.registeredAddress())
                .set(PROVIDER.REGISTRATION_AUTHORITY, p.registrationAuthority())
                .set(PROVIDER.ESTABLISHED_ON, p.establishedOn())
                .set(PROVIDER.TERM_TO, p.termTo())
                .set(PROVIDER.REGISTRY_STATUS, p.registryStatus().name())
                .set(PROVIDER.BUSINESS_SCOPE, p.businessScope())
                .returning(PROVIDER.ID)
                .fetchOne(PROVIDER.ID);
    }

    private static long insertCase(DSLContext ctx, FilingCase c, long providerId) {
        return ctx.insertInto(FILING_CASE)
                .set(FILING_CASE.CASE_NO, c.caseNo())
                .set(FILING_CASE.PROVIDER_ID, providerId)
                .set(FILING_CASE.DISTRICT_CODE, c.districtCode())
                .set(FILING_CASE.PLATFORM, c.platform())
                .set(FILING_CASE.RECEIVED_ON, c.receivedOn())
                .set(FILING_CASE.DEADLINE_ON, c.deadlineOn())
                .set(FILING_CASE.STATUS, c.status().name())
                .set(FILING_CASE.ASSIGNEE, c.assignee())
                .set(FILING_CASE.PERFORMER_USCC, c.performer().uscc())
                .set(FILING_CASE.PERFORMER_NAME, c.performer().name())
                .set(FILING_CASE.SUBCONTRACT_DECLARED, c.subcontractDeclared())
                .set(FILING_CASE.SERVICES, c.services().stream().map(Enum::name).collect(Collectors.joining(",")))
                .returning(FILING_CASE.ID)
                .fetchOne(FILING_CASE.ID);
    }

    private static void insertEvidence(DSLContext ctx, long caseId, EvidenceItem item) {
        long evidenceId = ctx.insertInto(EVIDENCE)
                .set(EVIDENCE.CASE_ID, caseId)
                .set(EVIDENCE.KIND, item.kind().name())
                .set(EVIDENCE.SOURCE, item.source().name())
                .set(EVIDENCE.TITLE, item.title())
                .set(EVIDENCE.FIELDS, toJson(item.fields()))
                .set(EVIDENCE.VALID_FROM, item.validFrom())
                .set(EVIDENCE.VALID_TO, item.validTo())
                .set(EVIDENCE.RECORDED_AT, item.recordedAt())
                .set(EVIDENCE.SIGNER_KEY_ID, item.signature() == null ? null : item.signature().keyId())
                .set(EVIDENCE.SIGNATURE, item.signature() == null ? null : item.signature().value())
                .returning(EVIDENCE.ID)
                .fetchOne(EVIDENCE.ID);
        for (Attachment a : item.attachments()) {
            ctx.insertInto(ATTACHMENT)
                    .set(ATTACHMENT.EVIDENCE_ID, evidenceId)
                    .set(ATTACHMENT.FILE_NAME, a.fileName())
                    .set(ATTACHMENT.MEDIA_TYPE, a.mediaType())
                    .set(ATTACHMENT.SM3, a.sm3())
                    .execute();
        }
    }

    static JSON toJson(Map<String, String> fields) {
        try {
            return JSON.valueOf(JSON_MAPPER.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence fields are plain strings and always serialise", e);
        }
    }
}
