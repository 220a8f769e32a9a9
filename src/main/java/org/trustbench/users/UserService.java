package org.trustbench.users;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * Managing local accounts: adding, listing, locking and unlocking. Every change is written
 * together with its audit entry in one transaction; the audit detail never holds a password
 * or a hash. Hashing is slow (PBKDF2): call from a background thread.
 */
public final class UserService {

    /** The audit user name of changes made by TrustBench itself (demo accounts). */
    public static final String SYSTEM_ACTOR = "system";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MAX_DISPLAY_NAME = 100;
    private static final int MAX_OFFICER_ID = 32;

    private final DSLContext dsl;
    private final UserRepository users;
    private final AuditRepository audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(DSLContext dsl, UserRepository users, AuditRepository audit, PasswordHasher hasher, Clock clock) {
        this.dsl = dsl;
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Whether the store has any account; a real store without one needs its first administrator. */
    public boolean hasUsers() {
        return users.hasUsers();
    }

    public List<User> list() {
        return users.findAll();
    }

    public Optional<User> find(String username) {
        return username == null ? Optional.empty() : users.find(username.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Adds an account. {@code actor} must be an administrator, or {@code null} to create the first
     * administrator of a store that has no accounts yet (then {@code roles} must include
     * {@link Role#ADMINISTRATOR}). The password must satisfy {@link PasswordPolicy}; the array is
     * zeroed before this method returns.
     */
    public User addUser(User actor, String username, String displayName, String officerId, Set<Role> roles,
                        char[] password) {
        try {
            String name = normaliseUsername(username);
            String display = required(displayName, MAX_DISPLAY_NAME, "users.error.displayName");
            String officer = required(officerId, MAX_OFFICER_ID, "users.error.officerId");
            if (roles == null || roles.isEmpty()) {
                throw new UserException(UserMessage.of("users.error.noRoles"));
            }
            boolean first = actor == null;
            if (first) {
                requireNoUsers(users.hasUsers());
                if (!roles.contains(Role.ADMINISTRATOR)) {
                    throw new UserException(UserMessage.of("users.error.firstMustBeAdmin"));
                }
            } else {
                currentAdministrator(actor);
            }
            PasswordPolicy.check(password);
            String hash = hasher.hash(password);
            Map<String, Object> detail = detail(display, officer, roles);
            if (first) {
                detail.put("firstAdministrator", true);
            }
            String actorName = first ? name : actor.username();
            return dsl.transactionResult(tx -> {
                DSLContext ctx = tx.dsl();
                if (first) {
                    requireNoUsers(users.hasUsers(ctx));
                }
                User added = users.insert(ctx, name, display, officer, roles, hash, now());
                audit.append(ctx, actorName, AuditAction.USER_ADDED, subject(name), detail);
                return added;
            });
        } finally {
            clear(password);
        }
    }

    /** Locks an account until an administrator unlocks it. Locking an account already locked changes nothing. */
    public User lock(User actor, String username) {
        User admin = currentAdministrator(actor);
        User target = existing(username);
        if (target.username().equals(admin.username())) {
            throw new UserException(UserMessage.of("users.error.lockSelf"));
        }
        if (target.disabled()) {
            return target;
        }
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            users.setDisabled(ctx, target.id(), true);
            audit.append(ctx, admin.username(), AuditAction.USER_LOCKED, subject(target.username()), Map.of());
            return users.find(ctx, target.username()).orElseThrow();
        });
    }

    /** Unlocks an account locked by an administrator or after repeated failed sign-ins, and clears its failure count. */
    public User unlock(User actor, String username) {
        User admin = currentAdministrator(actor);
        User target = existing(username);
        if (!target.disabled() && target.lockedUntil() == null && target.failedAttempts() == 0) {
            return target;
        }
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            users.setDisabled(ctx, target.id(), false);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("wasDisabled", target.disabled());
            detail.put("failedAttempts", target.failedAttempts());
            if (target.lockedUntil() != null) {
                detail.put("lockedUntil", target.lockedUntil().toString());
            }
            audit.append(ctx, admin.username(), AuditAction.USER_UNLOCKED, subject(target.username()), detail);
            return users.find(ctx, target.username()).orElseThrow();
        });
    }

    /**
     * DEMO ONLY: creates the {@link DemoUsers} accounts the demo store lacks (each with its own
     * salted hash, about 0.2 s each). Refuses any other workspace. Returns how many were created.
     */
    public int ensureDemoUsers(Workspace workspace) {
        if (workspace != Workspace.DEMO) {
            throw new IllegalStateException("demo accounts belong in the demo store only, not " + workspace);
        }
        int created = 0;
        for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
            if (users.find(demo.username()).isPresent()) {
                continue;
            }
            char[] password = demo.password().toCharArray();
            String hash;
            try {
                hash = hasher.hash(password);
            } finally {
                clear(password);
            }
            Map<String, Object> detail = detail(demo.displayName(), demo.officerId(), demo.roles());
            detail.put("demo", true);
            dsl.transaction(tx -> {
                DSLContext ctx = tx.dsl();
                users.insert(ctx, demo.username(), demo.displayName(), demo.officerId(), demo.roles(), hash, now());
                audit.append(ctx, SYSTEM_ACTOR, AuditAction.USER_ADDED, subject(demo.username()), detail);
            });
            created++;
        }
        return created;
    }

    /** Lower-cased, trimmed user name; a {@link UserException} ({@code users.error.username}) if it is not acceptable. */
    public static String normaliseUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new UserException(UserMessage.of("users.error.username", username == null ? "" : username.strip()));
        }
        return name;
    }

    /** The audit subject of an account. */
    public static String subject(String username) {
        return "user:" + username;
    }

    /** The actor as stored now (not as when they signed in), required to be an enabled administrator. */
    private User currentAdministrator(User actor) {
        if (actor == null) {
            throw new UserException(UserMessage.of("users.error.notSignedIn"));
        }
        User current = users.find(actor.username()).orElseThrow(
                () -> new UserException(UserMessage.of("users.error.unknown", actor.username())));
        Permissions.require(current, Action.MANAGE_USERS);
        return current;
    }

    private User existing(String username) {
        return find(username).orElseThrow(() -> new UserException(UserMessage.of("users.error.unknown",
                username == null ? "" : username.strip())));
    }

    private static void requireNoUsers(boolean hasUsers) {
        if (hasUsers) {
            throw new UserException(UserMessage.of("users.error.firstAdminOnly"));
        }
    }

    private static String required(String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new UserException(UserMessage.of(key, max));
        }
        return v;
    }

    private static Map<String, Object> detail(String displayName, String officerId, Set<Role> roles) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("displayName", displayName);
        detail.put("officerId", officerId);
        detail.put("roles", roles.stream().sorted().map(Role::name).toList());
        return detail;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
