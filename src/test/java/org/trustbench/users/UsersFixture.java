package org.trustbench.users;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jooq.Record;
import org.trustbench.audit.AuditRepository;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;

/**
 * A real H2 store with the user services on it. Hashing uses few iterations unless a test asks
 * for the default, so the suite stays fast; {@link PasswordHasherTest} covers the default.
 */
final class UsersFixture implements AutoCloseable {

    static final int FAST_ITERATIONS = 1_000;
    static final String ADMIN_PASSWORD = "admin-passw0rd";
    static final String OFFICER_PASSWORD = "officer-passw0rd";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final Store store;
    final UserRepository repository;
    final AuditRepository audit;
    final PasswordHasher hasher;
    final UserService users;
    final AuthService auth;

    UsersFixture(Path folder, Workspace workspace) {
        this(folder, workspace, FAST_ITERATIONS);
    }

    UsersFixture(Path folder, Workspace workspace, int iterations) {
        store = Store.open(new DataFolder(folder), workspace);
        repository = new UserRepository(store.dsl());
        audit = new AuditRepository(store.dsl(), clock);
        hasher = new PasswordHasher(iterations);
        users = new UserService(store.dsl(), repository, audit, hasher, clock);
        auth = new AuthService(store.dsl(), repository, audit, hasher, clock);
    }

    User addAdmin() {
        return users.addUser(null, "admin", "Admin", "SH-PD-0001", EnumSet.of(Role.ADMINISTRATOR),
                ADMIN_PASSWORD.toCharArray());
    }

    User addOfficer(User admin, String username) {
        return users.addUser(admin, username, "Officer " + username, "SH-PD-0" + username.length(),
                EnumSet.of(Role.DESK_OFFICER), OFFICER_PASSWORD.toCharArray());
    }

    /** Every audit row, every column, as text: for checking that no password appears anywhere. */
    String auditLogText() {
        StringBuilder text = new StringBuilder();
        for (Record r : store.dsl().fetch("SELECT * FROM audit_log ORDER BY seq")) {
            for (int i = 0; i < r.size(); i++) {
                text.append(r.get(i)).append('|');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Actions in the audit log, in order. */
    List<String> auditActions() {
        return new ArrayList<>(store.dsl().fetch("SELECT action FROM audit_log ORDER BY seq").getValues(0, String.class));
    }

    /** The detail JSON of the audit rows, in order. */
    List<String> auditDetails() {
        return new ArrayList<>(store.dsl().fetch("SELECT CAST(detail AS VARCHAR) FROM audit_log ORDER BY seq")
                .getValues(0, String.class));
    }

    @Override
    public void close() {
        store.close();
    }
}
