package org.trustbench.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;

class PermissionsTest {

    private static User user(String name, Role... roles) {
        return new User(1, name, name.toUpperCase(), "SH-PD-0101", roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
                0, null, false);
    }

    @Test
    void onlySupervisorsSignOff() {
        assertTrue(Permissions.allows(user("sup", Role.SUPERVISOR), Action.SIGN_OFF));
        assertTrue(Permissions.allows(user("sup2", Role.SUPERVISOR, Role.DESK_OFFICER), Action.SIGN_OFF));
        for (Role r : EnumSet.complementOf(EnumSet.of(Role.SUPERVISOR))) {
            assertFalse(Permissions.allows(user("x", r), Action.SIGN_OFF), r.name());
        }
        UserException e = assertThrows(UserException.class,
                () -> Permissions.require(user("officer1", Role.DESK_OFFICER), Action.SIGN_OFF));
        assertEquals("users.error.forbidden.SIGN_OFF", e.userMessage().key());
        assertEquals("officer1", e.userMessage().args().get(0));
        String text = Messages.forLocale(Messages.ENGLISH).format(e.userMessage());
        assertTrue(text.contains("officer1") && text.contains("Supervisor"), text);
    }

    @Test
    void onlyAdministratorsManageUsers() {
        assertTrue(Permissions.allows(user("admin", Role.ADMINISTRATOR), Action.MANAGE_USERS));
        for (Role r : EnumSet.complementOf(EnumSet.of(Role.ADMINISTRATOR))) {
            assertFalse(Permissions.allows(user("x", r), Action.MANAGE_USERS), r.name());
        }
        UserException e = assertThrows(UserException.class,
                () -> Permissions.require(user("sup", Role.SUPERVISOR), Action.MANAGE_USERS));
        assertEquals("users.error.forbidden.MANAGE_USERS", e.userMessage().key());
        assertTrue(Messages.forLocale(Messages.CHINESE).format(e.userMessage()).contains("系统管理员"));
    }

    @Test
    void deskOfficersAndSupervisorsDecideAndEachOtherActionHasItsRole() {
        assertTrue(Permissions.allows(user("o", Role.DESK_OFFICER), Action.DECIDE));
        assertTrue(Permissions.allows(user("s", Role.SUPERVISOR), Action.DECIDE));
        assertFalse(Permissions.allows(user("i", Role.FIELD_INSPECTOR), Action.DECIDE));
        assertFalse(Permissions.allows(user("a", Role.ADMINISTRATOR), Action.DECIDE));
        assertTrue(Permissions.allows(user("i", Role.FIELD_INSPECTOR), Action.INSPECT));
        assertTrue(Permissions.allows(user("t", Role.TRAINER), Action.RUN_TRAINING));
        assertFalse(Permissions.allows(user("nobody"), Action.DECIDE));
        assertFalse(Permissions.allows(null, Action.DECIDE));
    }

    @Test
    void aDisabledAccountMayDoNothing() {
        User disabled = new User(2, "sup", "Sup", "X", Set.of(Role.SUPERVISOR), 0, null, true);
        assertFalse(Permissions.allows(disabled, Action.SIGN_OFF));
        assertEquals("users.error.disabled",
                assertThrows(UserException.class, () -> Permissions.require(disabled, Action.SIGN_OFF)).userMessage().key());
        assertEquals("users.error.notSignedIn",
                assertThrows(UserException.class, () -> Permissions.require(null, Action.DECIDE)).userMessage().key());
    }

    @Test
    void sessionsCheckTheirUser() {
        Session s = new Session(user("sup", Role.SUPERVISOR), OffsetDateTime.parse("2026-11-20T10:00:00+08:00"));
        assertTrue(s.can(Action.SIGN_OFF));
        assertFalse(s.can(Action.MANAGE_USERS));
        assertThrows(UserException.class, () -> s.require(Action.MANAGE_USERS));
        assertEquals("sup", s.username());
    }

    @Test
    void everyRoleAndEveryRefusalHasTextInBothLanguages() {
        for (java.util.Locale locale : Messages.SUPPORTED) {
            Messages m = Messages.forLocale(locale);
            for (Role r : Role.values()) {
                assertTrue(m.has("role." + r.name()), locale + " role." + r);
            }
            for (Action a : Action.values()) {
                assertTrue(m.has("users.error.forbidden." + a.name()), locale + " " + a);
                String text = m.get("users.error.forbidden." + a.name(), "u1", "Name");
                for (Role r : a.allowedRoles()) {
                    assertTrue(text.contains(m.get("role." + r.name())), locale + " " + a + " names " + r + ": " + text);
                }
            }
        }
    }
}
