package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.ATTACHMENT;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.EQUIPMENT;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.PROVIDER;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.db.StoreJson;

/**
 * The case, provider, evidence and issuer writes an import makes beyond adding new cases (which
 * {@link org.trustbench.intake.CaseIntakeRepository} does). Every method takes the caller's transaction.
 */
public final class SyncCaseRepository {


    private final DSLContext dsl;

    /** A case's id, number, workflow status and provider USCC. */
    public record CaseRef(long id, String caseNo, CaseStatus status, String providerUscc) {

        /** Decided locally: the decision stands or waits for sign-off. */
        public boolean decided() {
            return status == CaseStatus.PENDING_SIGNOFF || status == CaseStatus.DECIDED || status == CaseStatus.EXPORTED;
        }
    }

    /** A trusted registry issuer key and its revocation, if any. */
    public record IssuerRef(String keyId, OffsetDateTime revokedAt) {
    }

    public SyncCaseRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The case with this number, its row locked for the rest of {@code tx}. */
    public Optional<CaseRef> lockCase(DSLContext tx, String caseNo) {
        var row = tx.select(FILING_CASE.ID, FILING_CASE.STATUS, FILING_CASE.PROVIDER_ID).from(FILING_CASE)
                .where(FILING_CASE.CASE_NO.eq(caseNo)).forUpdate().fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        String uscc = tx.select(PROVIDER.USCC).from(PROVIDER).where(PROVIDER.ID.eq(row.value3())).fetchOne(PROVIDER.USCC);
        return Optional.of(new CaseRef(row.value1(), caseNo, CaseStatus.valueOf(row.value2()), uscc));
    }

    /**
     * The cases with these numbers (those the store has), their rows locked for the rest of {@code tx}: one query for a
     * whole chunk of an import instead of {@link #lockCase} per number.
     */
    public Map<String, CaseRef> lockCases(DSLContext tx, Collection<String> caseNos) {
        Map<String, CaseRef> out = new HashMap<>();
        if (caseNos.isEmpty()) {
            return out;
        }
        var rows = tx.select(FILING_CASE.ID, FILING_CASE.CASE_NO, FILING_CASE.STATUS, FILING_CASE.PROVIDER_ID)
                .from(FILING_CASE).where(FILING_CASE.CASE_NO.in(caseNos)).forUpdate().fetch();
        if (rows.isEmpty()) {
            return out;
        }
        Map<Long, String> usccs = new HashMap<>();
        tx.select(PROVIDER.ID, PROVIDER.USCC).from(PROVIDER)
                .where(PROVIDER.ID.in(rows.stream().map(r -> r.value4()).distinct().toList()))
                .forEach(r -> usccs.put(r.value1(), r.value2()));
        rows.forEach(r -> out.put(r.value2(), new CaseRef(r.value1(), r.value2(), CaseStatus.valueOf(r.value3()),
                usccs.get(r.value4()))));
        return out;
    }

    public Optional<Long> providerId(DSLContext tx, String uscc) {
        return tx.select(PROVIDER.ID).from(PROVIDER).where(PROVIDER.USCC.eq(uscc)).fetchOptional(PROVIDER.ID);
    }

    public Optional<Provider> provider(DSLContext tx, String uscc) {
        return tx.selectFrom(PROVIDER).where(PROVIDER.USCC.eq(uscc)).fetchOptional(r -> new Provider(r.getId(), r.getUscc(),
                r.getNameZh(), r.getNameEn(), r.getEntityType(), r.getLegalRep(), r.getLegalRepTitle(), r.getRegisteredCapital(),
                r.getRegisteredAddress(), r.getRegistrationAuthority(), r.getEstablishedOn(), r.getTermTo(),
                RegistryStatus.valueOf(r.getRegistryStatus()), r.getBusinessScope()));
    }

    /** The provider's cases, by id, locked for the rest of {@code tx}. */
    public List<CaseRef> lockCasesOfProvider(DSLContext tx, long providerId) {
        String uscc = tx.select(PROVIDER.USCC).from(PROVIDER).where(PROVIDER.ID.eq(providerId)).fetchOne(PROVIDER.USCC);
        return tx.select(FILING_CASE.ID, FILING_CASE.CASE_NO, FILING_CASE.STATUS).from(FILING_CASE)
                .where(FILING_CASE.PROVIDER_ID.eq(providerId)).orderBy(FILING_CASE.ID).forUpdate()
                .fetch(r -> new CaseRef(r.value1(), r.value2(), CaseStatus.valueOf(r.value3()), uscc));
    }

    public void updateProvider(DSLContext tx, Provider p) {
        tx.update(PROVIDER)
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
                .where(PROVIDER.USCC.eq(p.uscc()))
                .execute();
    }

    /** Inserts the provider unless its USCC is known; returns its id either way. */
    public long ensureProvider(DSLContext tx, Provider p) {
        Optional<Long> id = providerId(tx, p.uscc());
        if (id.isPresent()) {
            return id.get();
        }
        return tx.insertInto(PROVIDER)
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

    /** Replaces the evidence of {@code source} in the case with {@code items}. */
    public void replaceEvidence(DSLContext tx, long caseId, EvidenceSource source, List<EvidenceItem> items) {
        deleteEvidence(tx, caseId, EVIDENCE.SOURCE.eq(source.name()));
        for (EvidenceItem item : items) {
            insertEvidence(tx, caseId, item);
        }
    }

    /**
     * Replaces what the case says (provider, case members, equipment, evidence) with {@code c}; its workflow status,
     * assignee, findings and decisions stay. An incoming provider already known is updated to the incoming values.
     */
    public void replaceCaseContent(DSLContext tx, long caseId, FilingCase c) {
        long providerId = ensureProvider(tx, c.provider());
        updateProvider(tx, c.provider());
        tx.update(FILING_CASE)
                .set(FILING_CASE.PROVIDER_ID, providerId)
                .set(FILING_CASE.DISTRICT_CODE, c.districtCode())
                .set(FILING_CASE.PLATFORM, c.platform())
                .set(FILING_CASE.RECEIVED_ON, c.receivedOn())
                .set(FILING_CASE.DEADLINE_ON, c.deadlineOn())
                .set(FILING_CASE.PERFORMER_USCC, c.performer().uscc())
                .set(FILING_CASE.PERFORMER_NAME, c.performer().name())
                .set(FILING_CASE.SUBCONTRACT_DECLARED, c.subcontractDeclared())
                .set(FILING_CASE.SERVICES, c.services().stream().map(Enum::name).collect(Collectors.joining(",")))
                .where(FILING_CASE.ID.eq(caseId))
                .execute();
        tx.deleteFrom(EQUIPMENT).where(EQUIPMENT.CASE_ID.eq(caseId)).execute();
        for (Equipment e : c.equipment()) {
            tx.insertInto(EQUIPMENT)
                    .set(EQUIPMENT.CASE_ID, caseId)
                    .set(EQUIPMENT.CATEGORY_CODE, e.categoryCode())
                    .set(EQUIPMENT.MAKE, e.make())
                    .set(EQUIPMENT.MODEL, e.model())
                    .set(EQUIPMENT.SERIAL_NO, e.serial())
                    .set(EQUIPMENT.SPECIAL_EQUIPMENT, e.specialEquipment())
                    .set(EQUIPMENT.SITE_TYPE, e.siteType().name())
                    .execute();
        }
        deleteEvidence(tx, caseId, org.jooq.impl.DSL.noCondition());
        for (EvidenceItem item : c.evidence()) {
            insertEvidence(tx, caseId, item);
        }
    }

    private static void deleteEvidence(DSLContext tx, long caseId, org.jooq.Condition which) {
        tx.deleteFrom(ATTACHMENT).where(ATTACHMENT.EVIDENCE_ID.in(
                tx.select(EVIDENCE.ID).from(EVIDENCE).where(EVIDENCE.CASE_ID.eq(caseId)).and(which))).execute();
        tx.deleteFrom(EVIDENCE).where(EVIDENCE.CASE_ID.eq(caseId)).and(which).execute();
    }

    private static void insertEvidence(DSLContext tx, long caseId, EvidenceItem item) {
        long evidenceId = tx.insertInto(EVIDENCE)
                .set(EVIDENCE.CASE_ID, caseId)
                .set(EVIDENCE.KIND, item.kind().name())
                .set(EVIDENCE.SOURCE, item.source().name())
                .set(EVIDENCE.TITLE, item.title())
                .set(EVIDENCE.FIELDS, json(item.fields()))
                .set(EVIDENCE.VALID_FROM, item.validFrom())
                .set(EVIDENCE.VALID_TO, item.validTo())
                .set(EVIDENCE.RECORDED_AT, item.recordedAt())
                .set(EVIDENCE.SIGNER_KEY_ID, item.signature() == null ? null : item.signature().keyId())
                .set(EVIDENCE.SIGNATURE, item.signature() == null ? null : item.signature().value())
                .returning(EVIDENCE.ID)
                .fetchOne(EVIDENCE.ID);
        for (Attachment a : item.attachments()) {
            tx.insertInto(ATTACHMENT)
                    .set(ATTACHMENT.EVIDENCE_ID, evidenceId)
                    .set(ATTACHMENT.FILE_NAME, a.fileName())
                    .set(ATTACHMENT.MEDIA_TYPE, a.mediaType())
                    .set(ATTACHMENT.SM3, a.sm3())
                    .execute();
        }
    }

    public boolean blobExists(DSLContext tx, String sm3) {
        return tx.fetchExists(ATTACHMENT_BLOB, ATTACHMENT_BLOB.SM3.eq(sm3));
    }

    /** Which of {@code sm3s} the store holds: one query for a chunk. */
    public Set<String> blobsPresent(DSLContext tx, Collection<String> sm3s) {
        if (sm3s.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.select(ATTACHMENT_BLOB.SM3).from(ATTACHMENT_BLOB).where(ATTACHMENT_BLOB.SM3.in(sm3s))
                .fetch(ATTACHMENT_BLOB.SM3));
    }

    public void insertBlob(DSLContext tx, String sm3, byte[] content) {
        tx.insertInto(ATTACHMENT_BLOB)
                .set(ATTACHMENT_BLOB.SM3, sm3)
                .set(ATTACHMENT_BLOB.SIZE_BYTES, (long) content.length)
                .set(ATTACHMENT_BLOB.CONTENT, content)
                .execute();
    }

    public Optional<IssuerRef> issuer(DSLContext tx, String keyId) {
        return tx.select(TRUSTED_ISSUER.KEY_ID, TRUSTED_ISSUER.REVOKED_AT).from(TRUSTED_ISSUER)
                .where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).forUpdate()
                .fetchOptional(r -> new IssuerRef(r.value1(), r.value2()));
    }

    public void insertIssuer(DSLContext tx, String keyId, String name, String publicKeyPem, OffsetDateTime addedAt) {
        tx.insertInto(TRUSTED_ISSUER)
                .set(TRUSTED_ISSUER.KEY_ID, keyId)
                .set(TRUSTED_ISSUER.NAME, name)
                .set(TRUSTED_ISSUER.PUBLIC_KEY_PEM, publicKeyPem)
                .set(TRUSTED_ISSUER.ADDED_AT, addedAt)
                .execute();
    }

    /** Sets (or, with {@code null}, clears) the key's revocation. */
    public void setRevoked(DSLContext tx, String keyId, OffsetDateTime revokedAt) {
        tx.update(TRUSTED_ISSUER).set(TRUSTED_ISSUER.REVOKED_AT, revokedAt).where(TRUSTED_ISSUER.KEY_ID.eq(keyId)).execute();
    }

    /** The cases with evidence signed by {@code keyId}. */
    public List<Long> casesSignedBy(DSLContext tx, String keyId) {
        return tx.selectDistinct(EVIDENCE.CASE_ID).from(EVIDENCE).where(EVIDENCE.SIGNER_KEY_ID.eq(keyId))
                .orderBy(EVIDENCE.CASE_ID).fetch(EVIDENCE.CASE_ID);
    }

    private static JSON json(Map<String, String> fields) {
        try {
            return JSON.valueOf(StoreJson.mapper().writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence fields are plain JSON", e);
        }
    }
}
