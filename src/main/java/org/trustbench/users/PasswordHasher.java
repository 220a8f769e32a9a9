package org.trustbench.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256: a 16-byte random salt, a 32-byte key and at least
 * {@link #DEFAULT_ITERATIONS} iterations (OWASP 2023 guidance for PBKDF2-HMAC-SHA256).
 *
 * <p>Stored form: {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 key>} (standard Base64
 * with padding). Verification recomputes the key with the stored salt and iterations and compares
 * in constant time. Slow on purpose (about 0.1–0.3 s per hash): never call on the FX thread.
 *
 * <p>The hasher never keeps or modifies the caller's password array; callers clear it.
 */
public final class PasswordHasher {

    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final String SCHEME = "pbkdf2-sha256";
    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
        this.random = random;
    }

    public int iterations() {
        return iterations;
    }

    /** A new salted hash of {@code password} in the stored form. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** Whether {@code password} matches {@code stored}; {@code false} for a malformed stored value. */
    public boolean verify(char[] password, String stored) {
        Parsed p = parse(stored);
        if (p == null) {
            return false;
        }
        byte[] actual = derive(password, p.salt, p.iterations);
        return MessageDigest.isEqual(actual, p.key);
    }

    /** Whether {@code stored} should be replaced by a fresh hash: fewer iterations than this hasher uses, or malformed. */
    public boolean needsRehash(String stored) {
        Parsed p = parse(stored);
        return p == null || p.iterations < iterations;
    }

    /** Iterations recorded in {@code stored}, or -1 if it is not in the stored form. */
    public static int iterationsOf(String stored) {
        Parsed p = parse(stored);
        return p == null ? -1 : p.iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || key.length != KEY_BYTES) {
                return null;
            }
            return new Parsed(iterations, salt, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }
}
