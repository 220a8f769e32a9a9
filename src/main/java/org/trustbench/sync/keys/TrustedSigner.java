package org.trustbench.sync.keys;

import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.trustbench.crypto.Sm2;

/**
 * A key this store accepts package signatures from: one row of {@code trusted_signer}.
 *
 * @param keyId        lower-case hex SM3 of the key's DER SubjectPublicKeyInfo ({@link Sm2#fingerprint}), 64 characters
 * @param role         what the key is trusted for
 * @param name         label shown to people, 1 to {@value TrustedSignerRepository#MAX_NAME} characters
 * @param publicKeyPem the SM2 public key as SubjectPublicKeyInfo PEM ({@link Sm2#encodePublicKeyPem})
 * @param addedAt      when it was trusted
 * @param addedBy      who trusted it (a user name, {@code cli:<os user>} or {@code system})
 */
public record TrustedSigner(String keyId, SignerRole role, String name, String publicKeyPem, OffsetDateTime addedAt,
                            String addedBy) {

    public TrustedSigner {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(addedBy, "addedBy");
    }

    /** The decoded key. @throws IllegalArgumentException if the PEM is not an SM2 public key */
    public PublicKey publicKey() {
        return Sm2.decodePublicKeyPem(publicKeyPem);
    }

    /** The first 16 hex characters of the key ID: the workstation ID of a workstation key. */
    public String shortId() {
        return WorkstationKeys.workstationIdOf(keyId);
    }
}
