package org.trustbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.STORE_INFO;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.i18n.Messages;

class StoreTest {

    @TempDir
    Path tmp;

    @Test
    void migratesAnEmptyFolderToTheCurrentSchema() {
        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertTrue(Files.exists(tmp.resolve("store").resolve("trustbench.mv.db")));
            List<String> tables = store.dsl().fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")
                    .getValues(0, String.class);
            assertTrue(tables.containsAll(List.of("PROVIDER", "FILING_CASE", "EVIDENCE", "EQUIPMENT", "ATTACHMENT",
                    "ATTACHMENT_BLOB", "STORE_INFO", "flyway_schema_history")), tables.toString());
            int applied = store.dsl().fetchSingle("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")
                    .get(0, Integer.class);
            assertTrue(applied >= 1);
            assertEquals("REAL", store.readInfo("workspace").orElseThrow());
        }
        // Re-opening an up-to-date store migrates nothing and keeps its data.
        try (Store again = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertEquals("REAL", again.readInfo("workspace").orElseThrow());
        }
    }

    @Test
    void theSchemaVersionConstantIsThisBuildsNewestMigration() throws Exception {
        int newest;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertEquals(String.valueOf(newest), Store.SCHEMA_VERSION);
    }

    @Test
    void onlyAStoreAtTheNewestVersionSkipsFlywayAndItsChecksumsStillValidate() {
        org.h2.jdbcx.JdbcDataSource fresh = new org.h2.jdbcx.JdbcDataSource();
        fresh.setURL(Store.url(tmp.resolve("fresh")));
        fresh.setUser("sa");
        assertFalse(Store.upToDate(fresh));
        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertTrue(Store.upToDate(dataSource(store)));
            store.validateMigrations();
            // One step back (as after an upgrade of the application): not up to date any more.
            store.dsl().execute("UPDATE \"flyway_schema_history\" SET \"version\" = '4' WHERE \"version\" = ?",
                    Store.SCHEMA_VERSION);
            assertFalse(Store.upToDate(dataSource(store)));
        }
    }

    @Test
    void everyIdentityColumnHandsOutIdsFromACache() {
        java.util.Set<String> bulk = java.util.Set.of("PROVIDER", "FILING_CASE", "EQUIPMENT", "EVIDENCE", "ATTACHMENT",
                "FINDING");
        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            var columns = store.dsl().fetch("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_IDENTITY = 'YES'");
            assertTrue(columns.size() >= 10, columns.toString());
            assertTrue(columns.stream().map(r -> r.get(0, String.class)).toList().containsAll(bulk), columns.toString());
            columns.forEach(r -> {
                String table = r.get(0, String.class);
                assertEquals(bulk.contains(table) ? 100_000L : 1000L, r.get(1, Long.class), table
                        + ": a new identity column needs SET CACHE 1000, or 100000 for a table filled in bulk "
                        + "(see V10__set_identity_cache.sql and V12__set_bulk_identity_cache.sql)");
            });
        }
    }

    private static javax.sql.DataSource dataSource(Store store) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(Store.url(store.folder()));
        ds.setUser("sa");
        return ds;
    }

    @Test
    void demoAndRealStoresLiveInSeparateFolders() {
        try (Store real = Store.open(new DataFolder(tmp), Workspace.REAL);
             Store demo = Store.open(new DataFolder(tmp), Workspace.DEMO)) {
            assertEquals(tmp.resolve("store"), real.folder());
            assertEquals(tmp.resolve("demo"), demo.folder());
            assertTrue(demo.isDemo());
        }
    }

    @Test
    void aStoreOfTheOtherWorkspaceIsRefused() throws Exception {
        try (Store demo = Store.open(new DataFolder(tmp), Workspace.DEMO)) {
            assertTrue(demo.isDemo());
        }
        // Someone copies the demo store over the real one: it must not open as real data.
        Files.createDirectories(tmp.resolve("store"));
        Files.copy(tmp.resolve("demo/trustbench.mv.db"), tmp.resolve("store/trustbench.mv.db"));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(new DataFolder(tmp), Workspace.REAL));
        assertEquals("store.error.workspaceMismatch", e.userMessage().key());
    }

    @Test
    void aSecondOpenOfTheSameFolderGetsAMessageNamingTheFolder() {
        try (Store first = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            StoreException e = assertThrows(StoreException.class, () -> Store.open(new DataFolder(tmp), Workspace.REAL));
            assertEquals("store.error.locked", e.userMessage().key());
            String text = Messages.forLocale(Messages.ENGLISH).format(e.userMessage());
            assertTrue(text.contains(tmp.resolve("store").toString()), text);
            assertTrue(first.readInfo("workspace").isPresent());
        }
        // Once the first is closed the folder opens again.
        try (Store reopened = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertTrue(reopened.readInfo("workspace").isPresent());
        }
    }

    @Test
    void aSecondProcessOnTheSameFolderExitsWithAClearMessage() throws Exception {
        try (Store first = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            Process p = javaProcess("org.trustbench.app.Launcher", "--data-dir", tmp.toString(), "cases", "list");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains(tmp.resolve("store").toString()), err);
            assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
            assertTrue(first.readInfo("workspace").isPresent());
        }
    }

    /** H2's default write delay loses committed transactions on SIGKILL; the store must not. */
    @Test
    void committedTransactionsSurviveSigkill() throws Exception {
        int rounds = 4;
        int perRound = 25;
        for (int round = 0; round < rounds; round++) {
            Process child = javaProcess(CommitThenWait.class.getName(), tmp.toString(), Integer.toString(perRound), "r" + round + "-");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String last = null;
                for (int i = 0; i < perRound; i++) {
                    last = out.readLine();
                    if (last == null) {
                        throw new AssertionError("child died: " + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
                assertEquals("COMMITTED r" + round + "-" + (perRound - 1), last);
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
                int found = store.dsl().fetchCount(STORE_INFO, STORE_INFO.INFO_KEY.like("r" + round + "-%"));
                assertEquals(perRound, found, "every reported commit of round " + round + " survives the kill");
            }
        }
    }

    static Process javaProcess(String mainClass, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Duser.language=en",
                "-Dtrustbench.logDir=" + System.getProperty("java.io.tmpdir") + "/trustbench-test-logs", mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }
}
