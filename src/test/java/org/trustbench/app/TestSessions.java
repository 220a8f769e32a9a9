package org.trustbench.app;

import java.time.OffsetDateTime;
import java.util.Set;
import org.trustbench.users.Role;
import org.trustbench.users.Session;
import org.trustbench.users.User;

/** Signed-in users for UI tests that do not exercise sign-in itself. */
final class TestSessions {

    private TestSessions() {
    }

    static Session officer() {
        return session("officer1", "李敏", "SH-PD-0101", Role.DESK_OFFICER);
    }

    static Session supervisor() {
        return session("supervisor", "王建华", "SH-PD-0001", Role.SUPERVISOR, Role.DESK_OFFICER);
    }

    static Session session(String username, String name, String officerId, Role... roles) {
        return new Session(new User(0, username, name, officerId, Set.of(roles), 0, null, false), OffsetDateTime.now());
    }
}
