package org.trustbench.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.trustbench.crypto.RegistryRecordSignature;
import org.trustbench.crypto.Sm2;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.RegistrySignature;
import org.trustbench.verify.CheckInput.SignatureStatus;

/**
 * The trusted issuer keys (prepared for verification) by key id, and the ids among them revoked as of now: one snapshot
 * of the trusted-issuer table, against which registry-record signatures are checked.
 *
 * <p>The SM2 check of a record is a pure function of the signer key id (which names the key: a trusted key's id is its
 * fingerprint), the signature text and the record's canonical bytes. Its result is therefore memoised by the SM3
 * {@link #inputDigest} of exactly those inputs: a result found under the digest is the result SM2 would give again,
 * whatever the record's id or case. Whether the key is trusted and whether it is revoked are decided from this
 * snapshot on every call, never memoised.
 *
 * @param verifier the SM2 verification ({@link Sm2Verifier#STANDARD} in the application)
 */
record IssuerKeys(Map<String, Sm2.VerifyKey> keys, Set<String> revoked, Sm2Verifier verifier) {

    IssuerKeys {
        keys = Map.copyOf(keys);
        revoked = Set.copyOf(revoked);
    }

    /**
     * The status of a registry record's signature. A revoked key's valid signature is {@link SignatureStatus#REVOKED}:
     * the content is unchanged, but the key is no longer trusted.
     *
     * @param known    SM2 results already established, by input digest (gives null where none is): results of this run, and stored
     *                 results whose tags verified
     * @param verified receives the SM2 result of this record by its input digest, whether looked up or computed (the
     *                 records whose status needed no SM2 — missing signature, unknown issuer — add nothing)
     */
    SignatureStatus status(EvidenceItem e, Function<String, Boolean> known, Map<String, Boolean> verified) {
        RegistrySignature sig = e.signature();
        if (sig == null || sig.value() == null || sig.value().isBlank() || sig.keyId() == null || sig.keyId().isBlank()) {
            return SignatureStatus.MISSING;
        }
        Sm2.VerifyKey key = keys.get(sig.keyId());
        if (key == null) {
            return SignatureStatus.UNKNOWN_ISSUER;
        }
        byte[] data;
        try {
            data = RegistryRecordSignature.canonicalBytes(e.kind().name(), e.source().name(), e.fields(), e.validFrom(),
                    e.validTo(), e.recordedAt());
        } catch (IllegalArgumentException ex) {
            return SignatureStatus.INVALID;
        }
        String digest = inputDigest(sig.keyId(), sig.value(), data);
        Boolean valid = known.apply(digest);
        if (valid == null) {
            valid = verify(verifier, key, sig.value(), data);
        }
        verified.put(digest, valid);
        if (!valid) {
            return SignatureStatus.INVALID;
        }
        return revoked.contains(sig.keyId()) ? SignatureStatus.REVOKED : SignatureStatus.VALID;
    }

    private static boolean verify(Sm2Verifier verifier, Sm2.VerifyKey key, String signatureBase64, byte[] data) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return verifier.verify(key, data, der);
    }

    /** Lower-case hex SM3 over the key id, the signature text (each UTF-8, length-prefixed) and the canonical bytes. */
    static String inputDigest(String keyId, String signature, byte[] canonical) {
        byte[] k = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] s = signature.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + k.length + s.length + canonical.length);
        b.putInt(k.length).put(k).putInt(s.length).put(s).put(canonical);
        return Sm3.hex(b.array());
    }
}
