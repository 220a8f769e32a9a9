package org.trustbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a store while background work still holds a connection closes the database file all the same. */
class StoreCloseTest {

    @TempDir
    Path tmp;

    @Test
    void closingWhileAConnectionWorksClosesTheFileAndRollsBackWhatWasNotCommitted() throws Exception {
        Store store = Store.open(new DataFolder(tmp), Workspace.REAL);
        store.withConnection(c -> insert(c, "committed", "yes"));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Background work in the middle of a transaction: one row written, not committed, connection held.
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> store.withConnection(c -> {
            c.setAutoCommit(false);
            insert(c, "uncommitted", "no");
            inserted.countDown();
            await(closed);
            insert(c, "after-close", "no");
            c.commit();
            return null;
        }));
        assertTrue(inserted.await(30, TimeUnit.SECONDS));

        store.close();

        // The database file is closed: nothing in this JVM holds H2's lock on it any more (while H2 has it open,
        // locking it here throws OverlappingFileLockException).
        Path file = tmp.resolve("store").resolve(Store.DB_NAME + ".mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            assertNotNull(lock, "another process holds the store file");
            lock.release();
        }
        // The work finds its store closed at its next statement; its transaction is rolled back, never half-applied.
        closed.countDown();
        Throwable failure = work.handle((v, e) -> e).get(30, TimeUnit.SECONDS);
        assertInstanceOf(org.jooq.exception.DataAccessException.class, failure.getCause(), String.valueOf(failure));

        try (Store again = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertEquals(Optional.of("yes"), again.readInfo("committed"));
            assertEquals(Optional.empty(), again.readInfo("uncommitted"));
            assertEquals(Optional.empty(), again.readInfo("after-close"));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int insert(java.sql.Connection c, String key, String value) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_info (info_key, info_value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            return ps.executeUpdate();
        }
    }
}
