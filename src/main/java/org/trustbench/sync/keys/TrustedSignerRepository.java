package org.trustbench.sync.keys;

import static org.trustbench.db.jooq.Tables.TRUSTED_SIGNER;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.jooq.tables.records.TrustedSignerRecord;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * The signers this store trusts ({@code trusted_signer}): central-system keys for inbound packages and, on a
 * central or supervisor desk, the workstation keys it accepts. One key has one role. Rows are only added, always
 * together with an audit entry ({@link TrustService}).
 */
public final class TrustedSignerRepository {

    /** Longest signer name ({@code trusted_signer.name}). */
    public static final int MAX_NAME = 200;
    /** Longest {@code added_by} ({@code trusted_signer.added_by}, like the audit log's user name). */
    public static final int MAX_ADDED_BY = 64;
    private static final Logger LOG = LoggerFactory.getLogger(TrustedSignerRepository.class);

    private final DSLContext dsl;

    public TrustedSignerRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Every trusted signer: central keys first, then workstations; by name, then key ID within a role. */
    public List<TrustedSigner> list() {
        return dsl.selectFrom(TRUSTED_SIGNER)
                .orderBy(TRUSTED_SIGNER.SIGNER_ROLE, TRUSTED_SIGNER.NAME, TRUSTED_SIGNER.KEY_ID)
                .fetch(TrustedSignerRepository::signer);
    }

    /** The signer with this key ID (the full 64-character fingerprint). */
    public Optional<TrustedSigner> find(String keyId) {
        return find(dsl, keyId);
    }

    private static Optional<TrustedSigner> find(DSLContext ctx, String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        return ctx.selectFrom(TRUSTED_SIGNER).where(TRUSTED_SIGNER.KEY_ID.eq(keyId))
                .fetchOptional(TrustedSignerRepository::signer);
    }

    /**
     * The keys trusted in any of {@code roles} (every role when none is given), by key ID, to verify package
     * signatures. A row whose PEM is no SM2 public key, or whose key ID is not the key's fingerprint (a row changed
     * in the database), is left out with a warning: its packages are then refused as from an unknown signer.
     */
    public Map<String, PublicKey> publicKeys(SignerRole... roles) {
        Set<SignerRole> wanted = roles == null || roles.length == 0
                ? EnumSet.allOf(SignerRole.class) : EnumSet.copyOf(Arrays.asList(roles));
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (TrustedSignerRecord r : dsl.selectFrom(TRUSTED_SIGNER)
                .where(TRUSTED_SIGNER.SIGNER_ROLE.in(wanted.stream().map(Enum::name).toList()))
                .orderBy(TRUSTED_SIGNER.KEY_ID)
                .fetch()) {
            try {
                PublicKey key = Sm2.decodePublicKeyPem(r.getPublicKeyPem());
                if (!Sm2.fingerprint(key).equals(r.getKeyId())) {
                    LOG.warn("Trusted signer {} is ignored: its key ID is not the fingerprint of its key", r.getKeyId());
                    continue;
                }
                keys.put(r.getKeyId(), key);
            } catch (IllegalArgumentException e) {
                LOG.warn("Trusted signer {} is ignored: {}", r.getKeyId(), e.getMessage());
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    /**
     * Adds a signer inside the caller's transaction ({@code tx} from {@code dsl.transaction(...)}); write its audit
     * entry in the same transaction. The PEM is stored in canonical form ({@link Sm2#encodePublicKeyPem}).
     *
     * @throws UserException            {@code keys.error.signerNotSm2} if the PEM is not an SM2 public key,
     *                                  {@code keys.error.alreadyTrusted} if the key is already trusted (in any role)
     * @throws IllegalArgumentException if the key ID is not the key's fingerprint, or the name or added-by is
     *                                  blank or too long
     */
    public TrustedSigner add(DSLContext tx, TrustedSigner signer) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(signer, "signer");
        PublicKey key;
        try {
            key = Sm2.decodePublicKeyPem(signer.publicKeyPem());
        } catch (IllegalArgumentException e) {
            throw new UserException(UserMessage.of("keys.error.signerNotSm2", signer.name(), e.getMessage()), e);
        }
        String fingerprint = Sm2.fingerprint(key);
        if (!fingerprint.equals(signer.keyId())) {
            throw new IllegalArgumentException("key ID " + signer.keyId() + " is not the fingerprint " + fingerprint);
        }
        requireText(signer.name(), "name", MAX_NAME);
        requireText(signer.addedBy(), "addedBy", MAX_ADDED_BY);
        Optional<TrustedSigner> existing = find(tx, fingerprint);
        if (existing.isPresent()) {
            throw alreadyTrusted(existing.get(), null);
        }
        TrustedSigner stored = new TrustedSigner(fingerprint, signer.role(), signer.name(), Sm2.encodePublicKeyPem(key),
                signer.addedAt(), signer.addedBy());
        try {
            tx.insertInto(TRUSTED_SIGNER)
                    .set(TRUSTED_SIGNER.KEY_ID, stored.keyId())
                    .set(TRUSTED_SIGNER.SIGNER_ROLE, stored.role().name())
                    .set(TRUSTED_SIGNER.NAME, stored.name())
                    .set(TRUSTED_SIGNER.PUBLIC_KEY_PEM, stored.publicKeyPem())
                    .set(TRUSTED_SIGNER.ADDED_AT, stored.addedAt())
                    .set(TRUSTED_SIGNER.ADDED_BY, stored.addedBy())
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            // Added by a concurrent transaction after our check.
            throw alreadyTrusted(stored, e);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException) {
                throw alreadyTrusted(stored, e);
            }
            throw e;
        }
        return stored;
    }

    private static UserException alreadyTrusted(TrustedSigner s, Throwable cause) {
        return new UserException(UserMessage.of("keys.error.alreadyTrusted", s.keyId(),
                "#keys.role." + s.role().name(), s.name()), cause);
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("signer " + what + " must be 1 to " + max + " characters");
        }
    }

    private static TrustedSigner signer(TrustedSignerRecord r) {
        return new TrustedSigner(r.getKeyId(), SignerRole.valueOf(r.getSignerRole()), r.getName(), r.getPublicKeyPem(),
                r.getAddedAt(), r.getAddedBy());
    }
}
