package org.trustbench.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.audit.AuditEntry;
import org.trustbench.audit.AuditQuery;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.UserException;

/** Adding, locking and unlocking accounts on a real H2 store, with their audit entries. */
class UserServiceTest {

    @TempDir
    Path tmp;

    private UsersFixture f;

    @BeforeEach
    void open() {
        f = new UsersFixture(tmp, Workspace.REAL);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static String key(Runnable r) {
        return assertThrows(UserException.class, r::run).userMessage().key();
    }

    @Test
    void theFirstAdministratorMayBeCreatedWithoutSignInOnlyWhileTheStoreHasNoUsers() {
        assertFalse(f.users.hasUsers());
        assertEquals("users.error.firstMustBeAdmin", key(() -> f.users.addUser(null, "officer1", "Li Min", "SH-PD-0101",
                EnumSet.of(Role.DESK_OFFICER), "long-enough-1".toCharArray())));
        assertFalse(f.users.hasUsers(), "nothing was written");

        char[] password = UsersFixture.ADMIN_PASSWORD.toCharArray();
        User admin = f.users.addUser(null, "  Admin ", " Wang Lixin ", "SH-PD-0001", EnumSet.of(Role.ADMINISTRATOR), password);
        assertEquals("admin", admin.username(), "user names are trimmed and lower-cased");
        assertEquals("Wang Lixin", admin.displayName());
        assertEquals(Set.of(Role.ADMINISTRATOR), admin.roles());
        assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password array is cleared");
        assertTrue(f.users.hasUsers());

        assertEquals("users.error.firstAdminOnly", key(() -> f.users.addUser(null, "admin2", "Second", "SH-PD-0002",
                EnumSet.of(Role.ADMINISTRATOR), "long-enough-2".toCharArray())));
        assertEquals(1, f.users.list().size());

        AuditEntry added = f.audit.list(new AuditQuery(null, null, null, null, 0)).get(0);
        assertEquals("USER_ADDED", added.action().name());
        assertEquals("admin", added.username());
        assertEquals("user:admin", added.subject());
        assertEquals(List.of("ADMINISTRATOR"), added.detail().get("roles"));
        assertEquals("Wang Lixin", added.detail().get("displayName"));
        assertEquals(true, added.detail().get("firstAdministrator"));
    }

    @Test
    void onlyAdministratorsAddUsersAndInputIsChecked() {
        User admin = f.addAdmin();
        User officer = f.addOfficer(admin, "officer1");
        assertEquals(Set.of(Role.DESK_OFFICER), officer.roles());
        assertEquals("users.error.forbidden.MANAGE_USERS", key(() -> f.addOfficer(officer, "officer2")));
        assertEquals("users.error.exists", key(() -> f.addOfficer(admin, "OFFICER1")));
        assertEquals("users.error.passwordTooShort", key(() -> f.users.addUser(admin, "officer3", "O3", "SH-PD-0103",
                EnumSet.of(Role.DESK_OFFICER), "short".toCharArray())));
        assertEquals("users.error.username", key(() -> f.users.addUser(admin, "bad name!", "O3", "SH-PD-0103",
                EnumSet.of(Role.DESK_OFFICER), "long-enough-3".toCharArray())));
        assertEquals("users.error.noRoles", key(() -> f.users.addUser(admin, "officer3", "O3", "SH-PD-0103",
                Set.of(), "long-enough-3".toCharArray())));
        assertEquals("users.error.displayName", key(() -> f.users.addUser(admin, "officer3", " ", "SH-PD-0103",
                EnumSet.of(Role.DESK_OFFICER), "long-enough-3".toCharArray())));
        assertEquals(List.of("admin", "officer1"), f.users.list().stream().map(User::username).toList());

        AuditEntry last = f.audit.list(new AuditQuery(null, null, null, null, 1)).get(0);
        assertEquals("USER_ADDED", last.action().name());
        assertEquals("admin", last.username(), "the administrator who added the officer");
        assertEquals("user:officer1", last.subject());
    }

    @Test
    void administratorsLockAndUnlockAccountsButNotTheirOwn() {
        User admin = f.addAdmin();
        f.addOfficer(admin, "officer1");
        User locked = f.users.lock(admin, "officer1");
        assertTrue(locked.disabled());
        assertEquals("users.error.disabled", key(() -> f.auth.signIn("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray())));
        assertEquals("users.error.lockSelf", key(() -> f.users.lock(admin, "admin")));
        assertEquals("users.error.unknown", key(() -> f.users.lock(admin, "nobody")));
        User lockedOfficer = f.repository.find("officer1").orElseThrow();
        assertEquals("users.error.disabled", key(() -> f.users.unlock(lockedOfficer, "officer1")));
        User officer2 = f.addOfficer(admin, "officer2");
        assertEquals("users.error.forbidden.MANAGE_USERS", key(() -> f.users.unlock(officer2, "officer1")));

        User unlocked = f.users.unlock(admin, "officer1");
        assertFalse(unlocked.disabled());
        assertEquals("officer1", f.auth.signIn("officer1", UsersFixture.OFFICER_PASSWORD.toCharArray()).username());
        assertEquals(List.of("USER_ADDED", "USER_ADDED", "USER_LOCKED", "SIGN_IN_FAILED", "USER_ADDED", "USER_UNLOCKED", "SIGN_IN"),
                f.auditActions());
        assertTrue(f.auditLogText().contains("user:officer1"));
    }

    @Test
    void aLockedAdministratorCannotManageUsers() {
        User admin = f.addAdmin();
        User admin2 = f.users.addUser(admin, "admin2", "Second", "SH-PD-0002", EnumSet.of(Role.ADMINISTRATOR),
                "second-admin-pw".toCharArray());
        f.users.lock(admin, "admin2");
        assertEquals("users.error.disabled", key(() -> f.addOfficer(admin2, "officer9")),
                "the actor is re-read from the store, not trusted as passed");
    }

    @Test
    void demoAccountsAreCreatedOnlyInTheDemoStoreAndOnlyOnce(@TempDir Path demoFolder) {
        assertThrows(IllegalStateException.class, () -> f.users.ensureDemoUsers(Workspace.REAL));
        assertFalse(f.users.hasUsers());
        try (UsersFixture demo = new UsersFixture(demoFolder, Workspace.DEMO)) {
            assertEquals(DemoUsers.ALL.size(), demo.users.ensureDemoUsers(Workspace.DEMO));
            assertEquals(0, demo.users.ensureDemoUsers(Workspace.DEMO));
            User officer1 = demo.users.find("officer1").orElseThrow();
            assertEquals("李敏", officer1.displayName());
            assertEquals("SH-PD-0101", officer1.officerId());
            User supervisor = demo.users.find("supervisor").orElseThrow();
            assertEquals(EnumSet.of(Role.SUPERVISOR, Role.DESK_OFFICER), supervisor.roles());
            for (DemoUsers.DemoUser d : DemoUsers.ALL) {
                assertTrue(d.password().length() >= PasswordPolicy.MIN_LENGTH, d.username());
                assertEquals(d.username(), demo.auth.signIn(d.username(), d.password().toCharArray()).username());
                assertFalse(demo.auditLogText().contains(d.password()), d.username());
            }
            assertTrue(demo.auditActions().stream().filter("USER_ADDED"::equals).count() == DemoUsers.ALL.size());
            assertNull(demo.users.find("admin").orElseThrow().lockedUntil());
        }
    }
}
