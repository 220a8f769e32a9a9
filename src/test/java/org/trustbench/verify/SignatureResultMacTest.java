package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustbench.crypto.Sm2;

class SignatureResultMacTest {

    private static final String DIGEST = "ab".repeat(32);

    @Test
    void aTagBindsTheEngineVersionTheDigestAndTheResult() {
        SignatureResultMac mac = SignatureResultMac.derivedFrom(Sm2.generateKeyPair().getPrivate());
        String tag = mac.tag("1.0.0", DIGEST, true);
        assertEquals(64, tag.length());
        assertTrue(mac.verifies("1.0.0", DIGEST, true, tag));
        assertFalse(mac.verifies("1.0.0", DIGEST, false, tag), "result flipped");
        assertFalse(mac.verifies("1.0.1", DIGEST, true, tag), "another engine version");
        assertFalse(mac.verifies("1.0.0", "cd".repeat(32), true, tag), "another input digest");
        assertFalse(mac.verifies("1.0.0", DIGEST, true, (tag.charAt(0) == '0' ? "1" : "0") + tag.substring(1)), "altered tag");
        assertFalse(mac.verifies("1.0.0", DIGEST, true, "zz" + tag.substring(2)), "not hex");
        assertFalse(mac.verifies("1.0.0", DIGEST, true, tag.substring(2)), "too short");
        assertFalse(mac.verifies("1.0.0", DIGEST, true, null));
    }

    @Test
    void theKeyIsTheWorkstationsOwn() {
        var key = Sm2.generateKeyPair().getPrivate();
        String tag = SignatureResultMac.derivedFrom(key).tag("1.0.0", DIGEST, true);
        assertEquals(tag, SignatureResultMac.derivedFrom(key).tag("1.0.0", DIGEST, true), "deterministic per key");
        assertNotEquals(tag, SignatureResultMac.derivedFrom(Sm2.generateKeyPair().getPrivate()).tag("1.0.0", DIGEST, true));
    }

    @Test
    void onlyResultsWithVerifyingTagsAreTrusted() {
        SignatureResultMac mac = SignatureResultMac.derivedFrom(Sm2.generateKeyPair().getPrivate());
        Map<String, StoredSignatureResult> stored = mac.tagAll("1.0.0", Map.of(DIGEST, true, "cd".repeat(32), false));
        assertEquals(Map.of(DIGEST, true, "cd".repeat(32), false), mac.trusted("1.0.0", stored));
        assertEquals(Map.of(), mac.trusted("1.0.1", stored));
        assertEquals(Map.of("cd".repeat(32), false), mac.trusted("1.0.0", Map.of(DIGEST,
                new StoredSignatureResult(false, stored.get(DIGEST).mac()), "cd".repeat(32), stored.get("cd".repeat(32)))));
    }
}
