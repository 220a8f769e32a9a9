package org.trustbench.verify;

import org.trustbench.crypto.Sm2;

/**
 * The SM2 verification the checks use: {@link #STANDARD} ({@link Sm2#verify(Sm2.VerifyKey, byte[], byte[])}) in the
 * application; a test may wrap it, e.g. to count how many signatures were really verified.
 */
@FunctionalInterface
public interface Sm2Verifier {

    Sm2Verifier STANDARD = Sm2::verify;

    /** False for a wrong or malformed signature; never throws because of them. */
    boolean verify(Sm2.VerifyKey key, byte[] data, byte[] derSignature);
}
