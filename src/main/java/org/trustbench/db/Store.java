package org.trustbench.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.trustbench.db.jooq.Tables;
import org.trustbench.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store of one workspace. Opening it takes an exclusive lock on the folder,
 * takes a backup copy of an existing store that has migrations pending ({@link StoreBackup}),
 * migrates the schema with Flyway and checks that the store belongs to the workspace asked for.
 *
 * <p>The URL sets {@code WRITE_DELAY=0}: a committed decision must survive the process being
 * killed (H2's default delay loses the last half second of commits).
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static final String DB_NAME = "trustbench";
    static final String LOCK_FILE = "trustbench.lock";
    static final String WORKSPACE_KEY = "workspace";
    private static final int H2_DATABASE_IN_USE = 90020;
    /** The version of this build's newest migration ({@code db/migration/V<n>__…}); a test keeps it in step. */
    static final String SCHEMA_VERSION = "12";

    private final Path folder;
    private final Workspace workspace;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JdbcConnectionPool pool;
    /** Made on first use: the start path reads the queue's first page in plain JDBC before jOOQ has loaded. */
    private volatile DSLContext dsl;
    private volatile boolean validated;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Store(Path folder, Workspace workspace, FileChannel lockChannel, FileLock lock, JdbcConnectionPool pool) {
        this.folder = folder;
        this.workspace = workspace;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pool = pool;
    }

    /** Opens (creating if needed) the store of {@code workspace} in {@code dataFolder}. */
    public static Store open(DataFolder dataFolder, Workspace workspace) {
        Path folder = dataFolder.storeFolder(workspace);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(UserMessage.of("store.error.createFolder", folder, e.getMessage()), e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, folder);
            JdbcConnectionPool pool = pool(folder);
            boolean current;
            try {
                current = upToDate(pool);
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
            if (!current) {
                // New or older store: the backup copies the closed file, then Flyway migrates (and validates).
                pool.dispose();
                StoreBackup.beforeMigration(folder, Clock.systemUTC());
                pool = pool(folder);
            }
            Store store = new Store(folder, workspace, channel, lock, pool);
            try {
                if (!current) {
                    store.migrate();
                    store.validated = true;
                }
                store.checkWorkspace();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(UserMessage.of("store.error.open", folder, e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw translate(e, folder);
        }
    }

    private static JdbcConnectionPool pool(Path folder) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(folder), USER, PASSWORD);
        pool.setMaxConnections(8);
        return pool;
    }

    /**
     * Whether the store's schema history ends, successfully, at this build's newest migration: then nothing is pending
     * and start-up skips Flyway (its class-path scan and checksum validation cost seconds on a cold JVM); the checksums
     * are validated later by {@link #validateMigrations()}. A store that is new, older, failed or unknown takes the
     * full path (backup, migrate, validate).
     */
    static boolean upToDate(DataSource pool) {
        try (Connection c = pool.getConnection();
             Statement st = c.createStatement()) {
            try (ResultSet t = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!t.next()) {
                    return false;
                }
            }
            try (ResultSet r = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                    + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                return r.next() && SCHEMA_VERSION.equals(r.getString(1)) && r.getBoolean(2)
                        && !anyFailed(st);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean anyFailed(Statement st) throws SQLException {
        try (ResultSet r = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
            return r.next() && r.getLong(1) > 0;
        }
    }

    /**
     * Flyway's validation of the applied migrations against this build's scripts (checksums, names). Start-up skips it
     * when the store is up to date; the application runs it in the background after the first frame. Blocking.
     *
     * @throws FlywayException if an applied migration differs from this build's script
     */
    public void validateMigrations() {
        if (!validated) {
            flyway(pool).validate();
            validated = true;
        }
    }

    /** The embedded database's account: H2's default administrator without a password (the store is a local file). */
    private static final String USER = "sa";
    private static final String PASSWORD = "";

    static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve(DB_NAME).toAbsolutePath()
                + ";WRITE_DELAY=0;LAZY_QUERY_EXECUTION=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static FileLock tryLock(FileChannel channel, Path folder) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(folder, null);
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            throw locked(folder, e);
        }
    }

    private static StoreException locked(Path folder, Throwable cause) {
        return new StoreException(UserMessage.of("store.error.locked", folder), cause);
    }

    private static RuntimeException translate(RuntimeException e, Path folder) {
        if (e instanceof StoreException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return locked(folder, e);
            }
        }
        if (e instanceof FlywayException) {
            return new StoreException(UserMessage.of("store.error.migrate", folder, e.getMessage()), e);
        }
        return new StoreException(UserMessage.of("store.error.open", folder, String.valueOf(e.getMessage())), e);
    }

    private void migrate() {
        flyway(pool).migrate();
    }

    /** Flyway over this build's migrations ({@code classpath:db/migration}). */
    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    /**
     * The store belongs to the workspace asked for (recorded on first open). Plain JDBC: it is on the start path, where
     * rendering a first jOOQ query on a cold JVM cost about 0.4 s.
     */
    private void checkWorkspace() {
        String recorded = withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT info_value FROM store_info WHERE info_key = ?")) {
                ps.setString(1, WORKSPACE_KEY);
                try (ResultSet r = ps.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        if (recorded == null) {
            withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_info (info_key, info_value) VALUES (?, ?)")) {
                    ps.setString(1, WORKSPACE_KEY);
                    ps.setString(2, workspace.name());
                    return ps.executeUpdate();
                }
            });
        } else if (!recorded.equals(workspace.name())) {
            throw new StoreException(UserMessage.of("store.error.workspaceMismatch", folder, recorded, workspace.name()), null);
        }
    }

    /** Work on one JDBC connection of the store. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on one pooled connection in auto-commit mode, for reads on the start path that must not wait for
     * jOOQ to load (the first page of the queue). Everything else goes through {@link #dsl()}.
     *
     * @throws org.jooq.exception.DataAccessException if the work fails, as the jOOQ repositories do
     */
    public <T> T withConnection(JdbcWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("SQL [" + folder + "]: " + e.getMessage(), e);
        }
    }

    /** A value of the store's own metadata (workspace, loaded dataset …). */
    public Optional<String> readInfo(String key) {
        return dsl().select(Tables.STORE_INFO.INFO_VALUE).from(Tables.STORE_INFO)
                .where(Tables.STORE_INFO.INFO_KEY.eq(key))
                .fetchOptional(Tables.STORE_INFO.INFO_VALUE);
    }

    public DSLContext dsl() {
        DSLContext d = dsl;
        if (d == null) {
            synchronized (this) {
                d = dsl;
                if (d == null) {
                    d = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
                    dsl = d;
                }
            }
        }
        return d;
    }

    public Path folder() {
        return folder;
    }

    public Workspace workspace() {
        return workspace;
    }

    public boolean isDemo() {
        return workspace == Workspace.DEMO;
    }

    /** How long {@link #close()} lets work under way finish (a decision being saved, the migration check) first. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    /** {@link #close(Duration)} with {@link #CLOSE_GRACE}. Closing a closed store does nothing. */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /**
     * Closes the store. No new connection is handed out; work under way that returns its connection within {@code grace}
     * ends as it would have (a short save commits). The database file is then closed before this returns, even while
     * longer work (an import, a re-check, the queue's index) still holds a connection: its open transaction is rolled
     * back and its next statement fails, as if it had been stopped, instead of the database staying open, after the
     * folder's lock is released, until that work ends or the process exits with the file still open.
     */
    public void close(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            return; // closed already: closing again changes nothing
        }
        try {
            pool.dispose();
            long deadline = System.nanoTime() + grace.toNanos();
            while (pool.getActiveConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int busy = pool.getActiveConnections();
            if (busy > 0) {
                LOG.info("Closing the store in {} while {} connection(s) still work; their open transactions are rolled back",
                        folder, busy);
                shutdown();
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("Closing the store pool in {} failed", folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Closing the store in {} was interrupted; the database closes when its last connection does", folder);
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Releasing the store lock in {} failed", folder, e);
        }
        closeQuietly(lockChannel);
    }

    /**
     * H2's {@code SHUTDOWN} on a connection of its own: closes every session (rolling back what is not committed), then
     * the database and its file. {@code IFEXISTS}: never creates a database if the store has gone meanwhile.
     */
    private void shutdown() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(folder) + ";IFEXISTS=TRUE", USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
