package org.trustbench.users;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A local user account as stored, without its password hash.
 *
 * @param failedAttempts consecutive failed sign-ins since the last success
 * @param lockedUntil    when an automatic lock after repeated failures ends; {@code null} if never locked
 * @param disabled       locked by an administrator until unlocked
 */
public record User(long id, String username, String displayName, String officerId, Set<Role> roles,
                   int failedAttempts, OffsetDateTime lockedUntil, boolean disabled) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(officerId, "officerId");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether an automatic lock is in force at {@code now}. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
    }

    /** Roles in declaration order, for stable display and storage. */
    public java.util.List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
