package org.trustbench.users;

import static org.trustbench.db.jooq.Tables.APP_USER;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.trustbench.db.jooq.tables.records.AppUserRecord;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * Local user accounts in {@code app_user}. Reads use the store's context; writes take the
 * caller's transaction context, so the service can append the audit entry in the same
 * transaction. Password hashes are only ever returned inside {@link StoredUser}.
 */
public final class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean hasUsers() {
        return hasUsers(dsl);
    }

    /** Whether any account exists, read inside {@code ctx} (a transaction). */
    public boolean hasUsers(DSLContext ctx) {
        return ctx.fetchExists(APP_USER);
    }

    /** Every account, by user name. */
    public List<User> findAll() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(UserRepository::toUser);
    }

    public Optional<User> find(String username) {
        return find(dsl, username);
    }

    public Optional<User> find(DSLContext ctx, String username) {
        return ctx.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(UserRepository::toUser);
    }

    /** The account, its row locked until {@code ctx}'s transaction ends, so concurrent updates of it queue. */
    public Optional<User> findForUpdate(DSLContext ctx, String username) {
        return ctx.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).forUpdate()
                .fetchOptional(UserRepository::toUser);
    }

    /** The account with its password hash, for signing in. */
    public Optional<StoredUser> findWithHash(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new StoredUser(toUser(r), r.getPasswordHash()));
    }

    /** Inserts a new, enabled account; a taken user name is a {@link UserException} ({@code users.error.exists}). */
    public User insert(DSLContext ctx, String username, String displayName, String officerId, Set<Role> roles,
                       String passwordHash, OffsetDateTime createdAt) {
        if (find(ctx, username).isPresent()) {
            throw exists(username, null);
        }
        try {
            long id = ctx.insertInto(APP_USER)
                    .set(APP_USER.USERNAME, username)
                    .set(APP_USER.DISPLAY_NAME, displayName)
                    .set(APP_USER.OFFICER_ID, officerId)
                    .set(APP_USER.ROLES, rolesText(roles))
                    .set(APP_USER.PASSWORD_HASH, passwordHash)
                    .set(APP_USER.FAILED_ATTEMPTS, 0)
                    .set(APP_USER.LOCKED_UNTIL, (OffsetDateTime) null)
                    .set(APP_USER.DISABLED, false)
                    .set(APP_USER.CREATED_AT, createdAt)
                    .returningResult(APP_USER.ID)
                    .fetchOne()
                    .value1();
            return new User(id, username, displayName, officerId, roles, 0, null, false);
        } catch (IntegrityConstraintViolationException e) {
            throw exists(username, e);
        }
    }

    /** Records a failed sign-in: the new consecutive-failure count and, if it locks the account, until when. */
    public void recordFailure(DSLContext ctx, long userId, int failedAttempts, OffsetDateTime lockedUntil) {
        ctx.update(APP_USER)
                .set(APP_USER.FAILED_ATTEMPTS, failedAttempts)
                .set(APP_USER.LOCKED_UNTIL, lockedUntil)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Records a successful sign-in: no failures, no lock; replaces the hash when {@code newHash} is not null. */
    public void recordSuccess(DSLContext ctx, long userId, String newHash) {
        var update = ctx.update(APP_USER)
                .set(APP_USER.FAILED_ATTEMPTS, 0)
                .set(APP_USER.LOCKED_UNTIL, (OffsetDateTime) null);
        if (newHash != null) {
            update = update.set(APP_USER.PASSWORD_HASH, newHash);
        }
        update.where(APP_USER.ID.eq(userId)).execute();
    }

    /** Locks ({@code disabled = true}) or unlocks an account; unlocking also clears an automatic lock and the failure count. */
    public void setDisabled(DSLContext ctx, long userId, boolean disabled) {
        var update = ctx.update(APP_USER).set(APP_USER.DISABLED, disabled);
        if (!disabled) {
            update = update.set(APP_USER.FAILED_ATTEMPTS, 0).set(APP_USER.LOCKED_UNTIL, (OffsetDateTime) null);
        }
        update.where(APP_USER.ID.eq(userId)).execute();
    }

    private static UserException exists(String username, Throwable cause) {
        return new UserException(UserMessage.of("users.error.exists", username), cause);
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> parseRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static User toUser(AppUserRecord r) {
        return new User(r.getId(), r.getUsername(), r.getDisplayName(), r.getOfficerId(), parseRoles(r.getRoles()),
                r.getFailedAttempts(), r.getLockedUntil(), r.getDisabled());
    }

    /** An account with its stored password hash. Only the sign-in path reads the hash. */
    public record StoredUser(User user, String passwordHash) {
        @Override
        public String toString() {
            return "StoredUser[user=" + user + ", passwordHash=<hidden>]";
        }
    }
}
