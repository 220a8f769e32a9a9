package org.trustbench.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * Signing in with a user name and password. A wrong user name and a wrong password give the same
 * answer ({@code users.error.wrongCredentials}); after {@code maxFailures} consecutive failures the
 * account is locked for {@code lockDuration}, and a locked account is refused with the time the lock
 * ends. A success resets the failure count. Every attempt is audited (SIGN_IN, SIGN_IN_FAILED with
 * the reason and attempt count, ACCOUNT_LOCKED), never with the password. Slow (PBKDF2): call from
 * a background thread.
 */
public final class AuthService {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_LOCK_DURATION = Duration.ofMinutes(15);
    /**
     * The audit user name of a failed sign-in with a user name that does not exist. The typed name
     * is not recorded: officers sometimes type their password into the user name field.
     */
    public static final String UNKNOWN_USER = "(unknown)";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext dsl;
    private final UserRepository users;
    private final AuditRepository audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private volatile String dummyHash;

    /** With the default lock: {@value #DEFAULT_MAX_FAILURES} failures lock the account for 15 minutes. */
    public AuthService(DSLContext dsl, UserRepository users, AuditRepository audit, PasswordHasher hasher, Clock clock) {
        // Not this(...): the architecture test reads a constructor calling a service constructor as wiring.
        this.dsl = dsl;
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
        this.maxFailures = DEFAULT_MAX_FAILURES;
        this.lockDuration = DEFAULT_LOCK_DURATION;
    }

    public AuthService(DSLContext dsl, UserRepository users, AuditRepository audit, PasswordHasher hasher, Clock clock,
                       int maxFailures, Duration lockDuration) {
        if (maxFailures < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("maxFailures >= 1 and a positive lock duration");
        }
        this.dsl = dsl;
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /**
     * The account of {@code username} if {@code password} is its password, else a {@link UserException}:
     * {@code users.error.wrongCredentials}, {@code users.error.lockedNow} (this failure locked it),
     * {@code users.error.locked} or {@code users.error.disabled}. The array is zeroed before returning.
     */
    public User signIn(String username, char[] password) {
        try {
            return check(username, password == null ? new char[0] : password);
        } finally {
            UserService.clear(password);
        }
    }

    /** {@link #signIn} and a new {@link Session} starting now. */
    public Session startSession(String username, char[] password) {
        User user = signIn(username, password);
        return new Session(user, OffsetDateTime.now(clock));
    }

    /** Records that the session ended. */
    public void signOut(Session session) {
        audit.append(session.username(), AuditAction.SIGN_OUT, UserService.subject(session.username()),
                Map.of("since", session.since().toString()));
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    private User check(String typed, char[] password) {
        String name = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<UserRepository.StoredUser> found = name.isEmpty() ? Optional.empty() : users.findWithHash(name);
        if (found.isEmpty()) {
            // Spend the same time as a real check, so the answer's timing does not tell whether the name exists.
            hasher.verify(password, dummyHash());
            audit.append(UNKNOWN_USER, AuditAction.SIGN_IN_FAILED, UserService.subject(UNKNOWN_USER),
                    Map.of("reason", "unknown-user"));
            throw wrongCredentials();
        }
        User user = found.get().user();
        Instant now = clock.instant();
        if (user.disabled()) {
            auditRefusal(user, "disabled", null);
            throw new UserException(UserMessage.of("users.error.disabled", user.username()));
        }
        if (user.isLockedAt(now)) {
            auditRefusal(user, "locked", user.lockedUntil());
            throw new UserException(UserMessage.of("users.error.locked", user.username(), until(user.lockedUntil())));
        }
        String stored = found.get().passwordHash();
        if (!hasher.verify(password, stored)) {
            return fail(user, now);
        }
        // Hash again (outside the transaction: slow) when the stored hash is weaker than today's setting.
        String rehash = hasher.needsRehash(stored) ? hasher.hash(password) : null;
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            users.recordSuccess(ctx, user.id(), rehash);
            Map<String, Object> detail = new LinkedHashMap<>();
            if (user.failedAttempts() > 0) {
                detail.put("previousFailures", user.failedAttempts());
            }
            if (rehash != null) {
                detail.put("rehashed", true);
            }
            audit.append(ctx, user.username(), AuditAction.SIGN_IN, UserService.subject(user.username()), detail);
            return users.find(ctx, user.username()).orElseThrow();
        });
    }

    private User fail(User checked, Instant now) {
        Failure failure = dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            // Counted on the row as it is now and locked, so failures at the same time are all counted.
            User user = users.findForUpdate(ctx, checked.username()).orElse(checked);
            // A lock that has run out starts a fresh count.
            int previous = user.lockedUntil() != null && !user.isLockedAt(now) ? 0 : user.failedAttempts();
            int attempt = previous + 1;
            OffsetDateTime lockedUntil = attempt >= maxFailures
                    ? OffsetDateTime.ofInstant(now.plus(lockDuration), clock.getZone()) : null;
            users.recordFailure(ctx, user.id(), attempt, lockedUntil);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("reason", "wrong-password");
            detail.put("attempt", attempt);
            audit.append(ctx, user.username(), AuditAction.SIGN_IN_FAILED, UserService.subject(user.username()), detail);
            if (lockedUntil != null) {
                Map<String, Object> lock = new LinkedHashMap<>();
                lock.put("failedAttempts", attempt);
                lock.put("lockedUntil", lockedUntil.toString());
                lock.put("lockMinutes", lockDuration.toMinutes());
                audit.append(ctx, user.username(), AuditAction.ACCOUNT_LOCKED, UserService.subject(user.username()), lock);
            }
            return new Failure(attempt, lockedUntil);
        });
        if (failure.lockedUntil() != null) {
            throw new UserException(UserMessage.of("users.error.lockedNow", failure.attempt(), until(failure.lockedUntil())));
        }
        throw wrongCredentials();
    }

    private record Failure(int attempt, OffsetDateTime lockedUntil) {
    }

    private void auditRefusal(User user, String reason, OffsetDateTime lockedUntil) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        if (lockedUntil != null) {
            detail.put("lockedUntil", lockedUntil.toString());
        }
        audit.append(user.username(), AuditAction.SIGN_IN_FAILED, UserService.subject(user.username()), detail);
    }

    private String until(OffsetDateTime time) {
        // Round up, so "locked until 10:15" is never earlier than the lock's real end.
        OffsetDateTime local = time.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
        OffsetDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
        return UNTIL.format(minute.equals(local) ? minute : minute.plusMinutes(1));
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash("not-a-password-of-anyone".toCharArray());
            dummyHash = h;
        }
        return h;
    }

    private static UserException wrongCredentials() {
        return new UserException(UserMessage.of("users.error.wrongCredentials"));
    }
}
