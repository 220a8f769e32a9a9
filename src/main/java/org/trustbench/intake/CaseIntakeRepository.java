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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.JSON;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.db.StoreJson;

/** Writes new providers and cases into the store. */
public final class CaseIntakeRepository {

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
     * @return the new cases exactly as {@code CaseQueueRepository.findCases} reads them back, in the batch's order:
     *         ids set, a reused provider as stored, attachments with their stored sizes
     */
    public List<FilingCase> insertNew(DSLContext tx, IntakeBatch batch) {
        return insert(tx, batch, true);
    }

    /**
     * Inserts the batch; {@code keepExisting} reuses providers, blobs and issuers the store already has. Returns the new
     * cases as stored (see {@link #insertNew}).
     */
    private List<FilingCase> insert(DSLContext ctx, IntakeBatch batch, boolean keepExisting) {
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
        Map<String, Provider> known = new HashMap<>();
        if (keepExisting && !batch.providers().isEmpty()) {
            ctx.selectFrom(PROVIDER)
                    .where(PROVIDER.USCC.in(batch.providers().stream().map(Provider::uscc).toList()))
                    .forEach(r -> known.put(r.getUscc(), CaseQueueRepository.toProvider(r)));
        }
        Set<String> sm3s = new HashSet<>();
        batch.cases().forEach(c -> c.evidence().forEach(e -> e.attachments().forEach(a -> sm3s.add(a.sm3()))));
        Map<String, Long> sizes = new HashMap<>();
        if (!sm3s.isEmpty()) {
            ctx.select(ATTACHMENT_BLOB.SM3, ATTACHMENT_BLOB.SIZE_BYTES).from(ATTACHMENT_BLOB)
                    .where(ATTACHMENT_BLOB.SM3.in(sm3s)).forEach(r -> sizes.put(r.value1(), r.value2()));
        }
        return ctx.connectionResult(c -> {
            try {
                return new JdbcBatches(c).insert(batch, known, sizes);
            } catch (SQLException e) {
                throw new DataAccessException("inserting cases: " + e.getMessage(), e);
            }
        });
    }

    static JSON toJson(Map<String, String> fields) {
        try {
            return JSON.valueOf(StoreJson.mapper().writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence fields are plain strings and always serialise", e);
        }
    }
}
