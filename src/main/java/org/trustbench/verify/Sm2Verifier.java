package org.trustbench.verify;

import org.trustbench.crypto.Sm2;

/**
 * The SM2 verification the checks use: {@link #STANDARD} ({@link Sm2#verify(Sm2.VerifyKey, byte[], byte[])}) in the
 * application; a test may wrap it, e.g. to count how many signatures were really verified.
 */
@FunctionalInterface
public interface Sm2Verifier {

    /**
     * A lambda rather than a method reference: {@link Sm2} (and the signed crypto provider's jar, whose signature the
     * JVM checks on its first class) then loads at the first verification, not when the services are built at start-up.
     */
    Sm2Verifier STANDARD = (key, data, derSignature) -> Sm2.verify(key, data, derSignature);

    /** False for a wrong or malformed signature; never throws because of them. */
    boolean verify(Sm2.VerifyKey key, byte[] data, byte[] derSignature);
}
