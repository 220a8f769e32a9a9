package org.trustbench.users;

import java.util.EnumSet;
import java.util.Set;

/** Things that need a role. {@link Permissions} checks them; each names the roles any of which allows it. */
public enum Action {
    /** Record a filing decision on a case. */
    DECIDE(Role.DESK_OFFICER, Role.SUPERVISOR),
    /** Sign off (or send back) another officer's override. */
    SIGN_OFF(Role.SUPERVISOR),
    /** Add, lock and unlock user accounts. */
    MANAGE_USERS(Role.ADMINISTRATOR),
    /** Record a field inspection. */
    INSPECT(Role.FIELD_INSPECTOR),
    /** Run training sessions in the demo workspace. */
    RUN_TRAINING(Role.TRAINER);

    private final Set<Role> allowedRoles;

    Action(Role first, Role... rest) {
        this.allowedRoles = Set.copyOf(EnumSet.of(first, rest));
    }

    /** The roles any of which allows this action. */
    public Set<Role> allowedRoles() {
        return allowedRoles;
    }
}
