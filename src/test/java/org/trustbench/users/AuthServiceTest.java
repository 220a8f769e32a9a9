package org.trustbench.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/** Signing in, the lock after repeated failures and what the audit log records, on a real H2 store. */
class AuthServiceTest {

    private static final String WRONG = "wrong-passw0rd-123";

    @TempDir
    Path tmp;

    private UsersFixture f;
    private User admin;

    @BeforeEach
    void open() {
        f = new UsersFixture(tmp, Workspace.REAL);
        admin = f.addAdmin();
        f.addOfficer(admin, "officer1");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private UserMessage refusal(String username, String password) {
        return assertThrows(UserException.class, () -> f.auth.signIn(username, password.toCharArray())).userMessage();
    }

    @Test
    void theRightPasswordSignsInAndAWrongOneOrAnUnknownNameGetTheSameAnswer() {
        char[] password = UsersFixture.OFFICER_PASSWORD.toCharArray();
        User user = f.auth.signIn(" Officer1 ", password);
        assertEquals("officer1", user.username());
        assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password array is cleared");

        UserMessage wrong = refusal("officer1", WRONG);
        UserMessage unknown = refusal("nobody", UsersFixture.OFFICER_PASSWORD);
        assertEquals("users.error.wrongCredentials", wrong.key());
        assertEquals(wrong, unknown, "the answer does not tell which was wrong");
        assertEquals("users.error.wrongCredentials", refusal("", WRONG).key());
        assertEquals("Wrong user name or password.", Messages.forLocale(Messages.ENGLISH).format(wrong));

        Session session = f.auth.startSession("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray());
        assertEquals("officer1", session.username());
        assertEquals(f.clock.instant(), session.since().toInstant());
        f.auth.signOut(session);

        assertEquals(List.of("USER_ADDED", "USER_ADDED", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN", "SIGN_OUT"), f.auditActions());
        List<String> details = f.auditDetails();
        assertTrue(details.get(3).contains("wrong-password") && details.get(3).contains("\"attempt\":1"), details.get(3));
        assertTrue(details.get(4).contains("unknown-user"), details.get(4));
        String log = f.auditLogText();
        assertFalse(log.contains("nobody"), "a name that is no account is not recorded (it may be a mistyped password)");
        assertNoPasswords(log);
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesThenTheRightPasswordWorksAgain() {
        for (int i = 1; i < AuthService.DEFAULT_MAX_FAILURES; i++) {
            assertEquals("users.error.wrongCredentials", refusal("officer1", WRONG).key(), "attempt " + i);
            assertEquals(i, f.repository.find("officer1").orElseThrow().failedAttempts());
        }
        UserMessage locking = refusal("officer1", WRONG);
        assertEquals("users.error.lockedNow", locking.key());
        assertEquals(List.of(5, "2026-11-20 10:15"), locking.args(), "10:00 in Shanghai plus 15 minutes");
        User locked = f.repository.find("officer1").orElseThrow();
        assertTrue(locked.isLockedAt(f.clock.instant()));

        UserMessage whileLocked = refusal("officer1", UsersFixture.OFFICER_PASSWORD);
        assertEquals("users.error.locked", whileLocked.key(), "even the right password is refused while locked");
        assertEquals(List.of("officer1", "2026-11-20 10:15"), whileLocked.args());
        String text = Messages.forLocale(Messages.ENGLISH).format(whileLocked);
        assertTrue(text.contains("until 2026-11-20 10:15"), text);

        f.clock.advance(Duration.ofMinutes(14));
        assertEquals("users.error.locked", refusal("officer1", UsersFixture.OFFICER_PASSWORD).key());
        f.clock.advance(Duration.ofMinutes(1));
        User back = f.auth.signIn("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray());
        assertEquals(0, back.failedAttempts(), "a success resets the count");
        assertNull(back.lockedUntil());

        List<String> actions = f.auditActions();
        assertEquals(List.of("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "ACCOUNT_LOCKED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN"), actions.subList(2, actions.size()));
        List<String> details = f.auditDetails();
        assertTrue(details.get(6).contains("\"attempt\":5"), details.get(6));
        assertTrue(details.get(7).contains("lockedUntil") && details.get(7).contains("\"failedAttempts\":5"), details.get(7));
        assertTrue(details.get(8).contains("\"reason\":\"locked\""), details.get(8));
        assertNoPasswords(f.auditLogText());
    }

    @Test
    void aSuccessResetsTheCountAndAnExpiredLockStartsAFreshCount() {
        for (int i = 0; i < 4; i++) {
            refusal("officer1", WRONG);
        }
        f.auth.signIn("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray());
        for (int i = 0; i < 4; i++) {
            assertEquals("users.error.wrongCredentials", refusal("officer1", WRONG).key());
        }
        assertEquals("users.error.lockedNow", refusal("officer1", WRONG).key());
        f.clock.advance(Duration.ofMinutes(16));
        assertEquals("users.error.wrongCredentials", refusal("officer1", WRONG).key(),
                "after the lock ran out the count starts again");
        assertEquals(1, f.repository.find("officer1").orElseThrow().failedAttempts());
    }

    @Test
    void anAdministratorUnlocksAnAccountLockedByFailures() {
        AuthService strict = new AuthService(f.store.dsl(), f.repository, f.audit, f.hasher, f.clock, 2, Duration.ofHours(1));
        assertEquals(2, strict.maxFailures());
        assertThrows(UserException.class, () -> strict.signIn("officer1", WRONG.toCharArray()));
        assertEquals("users.error.lockedNow",
                assertThrows(UserException.class, () -> strict.signIn("officer1", WRONG.toCharArray())).userMessage().key());
        User unlocked = f.users.unlock(admin, "officer1");
        assertEquals(0, unlocked.failedAttempts());
        assertNull(unlocked.lockedUntil());
        assertEquals("officer1", strict.signIn("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray()).username());
        assertTrue(f.auditActions().contains("USER_UNLOCKED"));
    }

    @Test
    void aWeakerStoredHashIsReplacedAtSignIn() {
        String before = f.repository.findWithHash("officer1").orElseThrow().passwordHash();
        assertEquals(UsersFixture.FAST_ITERATIONS, PasswordHasher.iterationsOf(before));
        PasswordHasher stronger = new PasswordHasher(UsersFixture.FAST_ITERATIONS * 2);
        AuthService auth = new AuthService(f.store.dsl(), f.repository, f.audit, stronger, f.clock);
        auth.signIn("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray());
        String after = f.repository.findWithHash("officer1").orElseThrow().passwordHash();
        assertEquals(UsersFixture.FAST_ITERATIONS * 2, PasswordHasher.iterationsOf(after));
        assertTrue(stronger.verify(UsersFixture.OFFICER_PASSWORD.toCharArray(), after));
        assertTrue(f.auditDetails().get(f.auditDetails().size() - 1).contains("rehashed"));
        assertFalse(f.repository.findWithHash("officer1").orElseThrow().toString().contains(after), "toString hides the hash");
    }

    private void assertNoPasswords(String log) {
        for (String secret : List.of(UsersFixture.OFFICER_PASSWORD, UsersFixture.ADMIN_PASSWORD, WRONG, "passw0rd",
                "pbkdf2")) {
            assertFalse(log.contains(secret), "the audit log holds " + secret + ":\n" + log);
        }
        for (String detail : f.auditDetails()) {
            assertFalse(detail.toLowerCase().matches(".*\"[^\"]*(password|secret)[^\"]*\":.*"), "a password key in " + detail);
        }
        // The app_user table holds hashes only.
        String users = f.store.dsl().fetch("SELECT * FROM app_user").format();
        assertFalse(users.contains(UsersFixture.OFFICER_PASSWORD) || users.contains(WRONG), users);
    }
}
