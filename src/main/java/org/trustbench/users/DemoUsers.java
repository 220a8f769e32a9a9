package org.trustbench.users;

import java.util.List;
import java.util.Set;

/**
 * DEMO ONLY: the accounts created in the demo store (never in a real store, which
 * {@link UserService#ensureDemoUsers} refuses). Their passwords are published in
 * {@code docs/demo-users.md}; they protect nothing and must never be used for real data.
 */
public final class DemoUsers {

    /** DEMO ONLY accounts, in the order they are created. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("officer1", "demo-officer-1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER)),
            new DemoUser("officer2", "demo-officer-2", "周晓峰", "SH-PD-0102", Set.of(Role.DESK_OFFICER)),
            new DemoUser("supervisor", "demo-supervisor", "陈静怡", "SH-PD-0201", Set.of(Role.SUPERVISOR, Role.DESK_OFFICER)),
            new DemoUser("inspector", "demo-inspector", "沈浩然", "SH-PD-0301", Set.of(Role.FIELD_INSPECTOR)),
            new DemoUser("trainer", "demo-trainer", "顾佳敏", "SH-PD-0401", Set.of(Role.TRAINER)),
            new DemoUser("admin", "demo-admin", "王立新", "SH-PD-0001", Set.of(Role.ADMINISTRATOR)));

    private DemoUsers() {
    }

    /** A DEMO ONLY account with its published password. */
    public record DemoUser(String username, String password, String displayName, String officerId, Set<Role> roles) {

        public DemoUser {
            roles = Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "DemoUser[" + username + ", " + displayName + ", " + officerId + ", " + roles + "]";
        }
    }
}
