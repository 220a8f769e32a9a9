package org.trustbench.crypto;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 digests (GB/T 32905), as lower-case hex. Same result as {@code openssl dgst -sm3}. */
public final class Sm3 {

    private Sm3() {
    }

    public static byte[] digest(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }
}
