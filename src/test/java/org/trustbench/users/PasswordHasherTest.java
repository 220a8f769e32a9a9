package org.trustbench.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.trustbench.i18n.UserException;

class PasswordHasherTest {

    @Test
    void defaultHashIsPbkdf2Sha256WithAtLeast210000IterationsA16ByteSaltAndA32ByteKey() {
        assertTrue(PasswordHasher.DEFAULT_ITERATIONS >= 210_000);
        PasswordHasher hasher = new PasswordHasher();
        assertEquals(PasswordHasher.DEFAULT_ITERATIONS, hasher.iterations());
        char[] password = "correct horse battery".toCharArray();
        String stored = hasher.hash(password);

        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000, stored);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(stored.contains("correct"), "the hash never holds the password");
        assertEquals("correct horse battery", new String(password), "the hasher leaves the caller's array alone");

        assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
        assertFalse(hasher.verify("correct horse batterz".toCharArray(), stored));
        assertFalse(hasher.needsRehash(stored));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        String a = hasher.hash("same password".toCharArray());
        String b = hasher.hash("same password".toCharArray());
        assertNotEquals(a, b);
        assertTrue(hasher.verify("same password".toCharArray(), a));
        assertTrue(hasher.verify("same password".toCharArray(), b));
        assertFalse(hasher.verify("".toCharArray(), a));
    }

    @Test
    void weakerOrMalformedStoredHashesNeedRehashingAndStillVerifyWithTheirOwnIterations() {
        String weak = new PasswordHasher(1_000).hash("old password".toCharArray());
        PasswordHasher stronger = new PasswordHasher(2_000);
        assertTrue(stronger.needsRehash(weak));
        assertTrue(stronger.verify("old password".toCharArray(), weak), "verification uses the stored count");
        assertEquals(1_000, PasswordHasher.iterationsOf(weak));
        assertFalse(new PasswordHasher(1_000).needsRehash(weak));
        assertFalse(new PasswordHasher(500).needsRehash(weak), "a stronger stored hash is kept");

        for (String bad : new String[] {null, "", "plain", "md5$1$AA==$AA==", "pbkdf2-sha256$x$AA==$AA==",
                "pbkdf2-sha256$1000$!!$AA==", "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AA=="}) {
            assertFalse(stronger.verify("old password".toCharArray(), bad), String.valueOf(bad));
            assertTrue(stronger.needsRehash(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }

    @Test
    void policyAsksForTenCharacters() {
        UserException e = assertThrows(UserException.class, () -> PasswordPolicy.check("123456789".toCharArray()));
        assertEquals("users.error.passwordTooShort", e.userMessage().key());
        assertEquals(10, e.userMessage().args().get(0));
        assertThrows(UserException.class, () -> PasswordPolicy.check(" ".repeat(12).toCharArray()));
        assertThrows(UserException.class, () -> PasswordPolicy.check(null));
        PasswordPolicy.check("1234567890".toCharArray());
        PasswordPolicy.check("密码密码密码密码密码".toCharArray());
    }
}
