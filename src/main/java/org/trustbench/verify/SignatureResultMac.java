package org.trustbench.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Authenticates stored SM2 results (docs/adr/0009): an HMAC-SM3 tag over the engine version, the SM3 input digest
 * ({@link IssuerKeys#inputDigest}) and the result, under a key the store does not hold. The key is derived from the
 * workstation's private key (kept next to the store, owner-readable only) as
 * {@code SM3("TrustBench signature-result MAC v1" || PKCS#8 encoding)}, so whoever can forge a tag could already sign
 * export packages as this workstation. A stored result whose tag does not verify is treated as absent.
 *
 * <p>Thread-safe: each thread keeps its own {@link HMac}, keyed once (HMAC's inner and outer key blocks are hashed at
 * keying, and {@link HMac#doFinal} restores that state, so a tag costs the message's blocks only).
 */
public final class SignatureResultMac {

    /** Domain separation: this key is used for nothing else than these tags. */
    static final String LABEL = "TrustBench signature-result MAC v1";

    /** The key, or null until {@link #source} has given it. */
    private volatile byte[] key;
    private final java.util.function.Supplier<PrivateKey> source;
    /** Each thread's {@code HMac}, keyed once (typed Object so that the crypto provider loads only in {@link Crypto}). */
    private final ThreadLocal<Object> keyed = new ThreadLocal<>();

    /** A MAC under {@code key} (32 bytes, the SM3 output; see {@link #derivedFrom}). */
    public SignatureResultMac(byte[] key) {
        this.key = checked(key).clone();
        this.source = null;
    }

    private SignatureResultMac(java.util.function.Supplier<PrivateKey> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    private static byte[] checked(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a MAC key of at least 16 bytes is needed");
        }
        return key;
    }

    /** The MAC key derived from the workstation's private key. */
    public static SignatureResultMac derivedFrom(PrivateKey workstationKey) {
        return new SignatureResultMac(derive(workstationKey));
    }

    /**
     * The MAC key derived from the workstation's private key when a tag is first made or checked: the key (a signed
     * crypto provider's classes) then loads off the start path. {@code workstationKey} may block; it is called once.
     */
    public static SignatureResultMac derivedLazily(java.util.function.Supplier<PrivateKey> workstationKey) {
        return new SignatureResultMac(workstationKey);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = checked(derive(source.get()));
                    key = k;
                }
            }
        }
        return k;
    }

    /** The tag (lower-case hex) of {@code valid} as the SM2 result for {@code inputDigest} under {@code engineVersion}. */
    public String tag(String engineVersion, String inputDigest, boolean valid) {
        return HexFormat.of().formatHex(mac(engineVersion, inputDigest, valid));
    }

    /** True only if {@code tag} is exactly the tag of these values (compared in constant time). */
    public boolean verifies(String engineVersion, String inputDigest, boolean valid, String tag) {
        if (tag == null || tag.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(tag);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(engineVersion, inputDigest, valid), given);
    }

    /** Tags each result (by input digest), for storing. */
    public Map<String, StoredSignatureResult> tagAll(String engineVersion, Map<String, Boolean> results) {
        return tagAll(engineVersion, results, Map.of());
    }

    /**
     * Tags each result (by input digest), for storing; a result that {@code verified} holds with the same value keeps its
     * tag, which is the one this would compute ({@code verified} as {@link #verified} returns it, for the same engine
     * version).
     */
    public Map<String, StoredSignatureResult> tagAll(String engineVersion, Map<String, Boolean> results,
                                                     Map<String, StoredSignatureResult> verified) {
        Map<String, StoredSignatureResult> out = new HashMap<>();
        results.forEach((digest, valid) -> {
            StoredSignatureResult known = verified.get(digest);
            out.put(digest, known != null && known.valid() == valid ? known
                    : new StoredSignatureResult(valid, tag(engineVersion, digest, valid)));
        });
        return out;
    }

    /** The stored results whose tags verify, by input digest; the others are left out (verified afresh). */
    public Map<String, Boolean> trusted(String engineVersion, Map<String, StoredSignatureResult> stored) {
        Map<String, Boolean> out = new HashMap<>();
        verified(engineVersion, stored).forEach((digest, r) -> out.put(digest, r.valid()));
        return out;
    }

    /** The stored results whose tags verify under {@code engineVersion}, by input digest; the others are left out. */
    public Map<String, StoredSignatureResult> verified(String engineVersion, Map<String, StoredSignatureResult> stored) {
        if (stored.isEmpty()) {
            return Map.of();
        }
        Map<String, StoredSignatureResult> out = new HashMap<>();
        stored.forEach((digest, r) -> {
            if (verifies(engineVersion, digest, r.valid(), r.mac())) {
                out.put(digest, r);
            }
        });
        return out;
    }

    private byte[] mac(String engineVersion, String inputDigest, boolean valid) {
        return Crypto.mac(key(), keyed, engineVersion, inputDigest, valid);
    }

    private static byte[] derive(PrivateKey workstationKey) {
        return Crypto.derive(workstationKey);
    }

    /**
     * The SM3 and HMAC code, in a class of its own: it loads (with the signed crypto provider's jar, whose signature
     * the JVM checks on its first class) at the first tag, not when the checks are wired at start-up.
     */
    private static final class Crypto {

        private Crypto() {
        }

        static byte[] derive(PrivateKey workstationKey) {
            byte[] label = LABEL.getBytes(StandardCharsets.UTF_8);
            byte[] encoded = Objects.requireNonNull(workstationKey.getEncoded(), "the private key has no encoding");
            SM3Digest d = new SM3Digest();
            d.update(label, 0, label.length);
            d.update(encoded, 0, encoded.length);
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            Arrays.fill(encoded, (byte) 0);
            return out;
        }

        static byte[] mac(byte[] key, ThreadLocal<Object> keyed, String engineVersion, String inputDigest, boolean valid) {
            byte[] v = engineVersion.getBytes(StandardCharsets.UTF_8);
            byte[] d = inputDigest.getBytes(StandardCharsets.UTF_8);
            byte[] msg = ByteBuffer.allocate(9 + v.length + d.length).putInt(v.length).put(v).putInt(d.length).put(d)
                    .put((byte) (valid ? 1 : 0)).array();
            HMac h = (HMac) keyed.get();
            if (h == null) {
                h = new HMac(new SM3Digest());
                h.init(new KeyParameter(key)); // hashes the inner and outer key blocks once per thread
                keyed.set(h);
            }
            h.update(msg, 0, msg.length);
            byte[] out = new byte[h.getMacSize()];
            h.doFinal(out, 0); // also resets h to its keyed state
            return out;
        }
    }

    @Override
    public String toString() {
        return "SignatureResultMac[key hidden]";
    }
}
