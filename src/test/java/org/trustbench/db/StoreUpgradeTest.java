package org.trustbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade that brings new migrations: a store left at the previous schema version (the
 * migration before the latest one on the class path, so a new migration moves the test along)
 * keeps its data, is migrated, and a complete copy of it at the old version is kept in backups/.
 */
class StoreUpgradeTest {

    @TempDir
    Path tmp;

    @Test
    void anUpgradeKeepsTheDataAndFirstTakesAnOpenableBackupAtTheOldVersion() throws Exception {
        Path folder = tmp.resolve("store");
        List<MigrationVersion> versions = migrationVersions();
        assertTrue(versions.size() >= 2, "needs at least two migrations: " + versions);
        MigrationVersion previous = versions.get(versions.size() - 2);
        MigrationVersion latest = versions.get(versions.size() - 1);

        // The store as the previous release left it, with data in it.
        Flyway.configure().dataSource(dataSource(folder)).locations("classpath:db/migration")
                .target(previous).load().migrate();
        try (Connection c = DriverManager.getConnection(Store.url(folder), "sa", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO store_info (info_key, info_value) VALUES (?, ?)")) {
            insert.setString(1, Store.WORKSPACE_KEY);
            insert.setString(2, Workspace.REAL.name());
            insert.executeUpdate();
            insert.setString(1, "upgrade-test");
            insert.setString(2, "kept across the upgrade");
            insert.executeUpdate();
        }
        assertEquals(previous.getVersion(), schemaVersion(Store.url(folder)));

        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertEquals("kept across the upgrade", store.readInfo("upgrade-test").orElseThrow());
        }
        assertEquals(latest.getVersion(), schemaVersion(Store.url(folder)));

        List<Path> backups = backups(folder);
        assertEquals(1, backups.size(), backups.toString());
        String name = backups.get(0).getFileName().toString();
        assertTrue(name.matches("trustbench-\\d{8}T\\d{6}Z-v" + Pattern.quote(previous.getVersion()) + "\\.mv\\.db"), name);

        // The backup opens on its own, at the old version, with the data.
        Path restored = tmp.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backups.get(0), restored.resolve("trustbench.mv.db"));
        String restoredUrl = "jdbc:h2:file:" + restored.resolve("trustbench").toAbsolutePath();
        assertEquals(previous.getVersion(), schemaVersion(restoredUrl));
        try (Connection c = DriverManager.getConnection(restoredUrl, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT info_value FROM store_info WHERE info_key = 'upgrade-test'")) {
            assertTrue(rs.next());
            assertEquals("kept across the upgrade", rs.getString(1));
        }

        // Opening the now up-to-date store again takes no further copy.
        try (Store again = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertEquals("kept across the upgrade", again.readInfo("upgrade-test").orElseThrow());
        }
        assertEquals(1, backups(folder).size());
    }

    @Test
    void aNewStoreGetsNoBackup() {
        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertTrue(store.readInfo(Store.WORKSPACE_KEY).isPresent());
        }
        assertFalse(Files.exists(tmp.resolve("store").resolve(StoreBackup.FOLDER)));
    }

    /** The versions of the migrations on the class path, oldest first (all pending on an empty database). */
    private List<MigrationVersion> migrationVersions() {
        MigrationInfo[] all = Flyway.configure().dataSource(dataSource(tmp.resolve("probe")))
                .locations("classpath:db/migration").load().info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).sorted().toList();
    }

    private static JdbcDataSource dataSource(Path folder) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(Store.url(folder));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    private static String schemaVersion(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                     + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static List<Path> backups(Path folder) throws Exception {
        Path dir = folder.resolve(StoreBackup.FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
