package org.trustbench.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.UserMessage;

/**
 * Before an upgrade migrates an existing store, a copy of its file is kept in
 * {@code <store folder>/backups/trustbench-<UTC time>-v<old version>.mv.db}. A brand-new store
 * and an up-to-date one get no copy. The copy is written under a temporary name, forced to disk
 * and renamed into place, so a backup that exists is complete.
 */
final class StoreBackup {

    static final String FOLDER = "backups";
    private static final Logger LOG = LoggerFactory.getLogger(StoreBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private StoreBackup() {
    }

    /**
     * Copies the store file of {@code folder} if Flyway has migrations pending for it. The caller
     * holds the folder lock and has not opened the database yet.
     */
    static Optional<Path> beforeMigration(Path folder, Clock clock) {
        Path file = folder.resolve(Store.DB_NAME + ".mv.db");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(Store.url(folder));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        MigrationInfoService info = Store.flyway(dataSource).info();
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (current == null || current.getVersion() == null || pending.length == 0) {
            return Optional.empty();
        }
        String version = current.getVersion().getVersion();
        String target = pending[pending.length - 1].getVersion().getVersion();
        shutdown(dataSource, folder);
        Path backups = folder.resolve(FOLDER);
        Path copy = backups.resolve("trustbench-" + STAMP.format(clock.instant()) + "-v" + version + ".mv.db");
        Path partial = backups.resolve(copy.getFileName() + ".partial");
        try {
            Files.createDirectories(backups);
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial copy is named as such; nothing else to undo
            }
            throw new StoreException(UserMessage.of("store.error.backup", folder, copy, String.valueOf(e.getMessage())), e);
        }
        LOG.info("Store {} is at schema version {}; copied it to {} before migrating to version {}", file, version, copy, target);
        return Optional.of(copy);
    }

    /** Closes the database so that its file is complete and unchanged while it is copied. */
    private static void shutdown(JdbcDataSource dataSource, Path folder) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new StoreException(UserMessage.of("store.error.open", folder, e.getMessage()), e);
        }
    }
}
