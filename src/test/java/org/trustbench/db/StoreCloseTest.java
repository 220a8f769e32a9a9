package org.trustbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Closing a store while background work still holds a connection: short work finishes first, longer work is rolled back,
 * and the database file is closed either way.
 */
class StoreCloseTest {

    @TempDir
    Path tmp;

    @Test
    void workLongerThanTheGraceIsRolledBackAndTheFileIsClosed() throws Exception {
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

        store.close(Duration.ofMillis(200));

        assertFileClosed();
        // The work finds its store closed at its next statement; its transaction is rolled back, never half-applied.
        closed.countDown();
        Throwable failure = work.handle((v, e) -> e).get(30, TimeUnit.SECONDS);
        assertInstanceOf(DataAccessException.class, failure.getCause(), String.valueOf(failure));

        try (Store again = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertEquals(Optional.of("yes"), again.readInfo("committed"));
            assertEquals(Optional.empty(), again.readInfo("uncommitted"));
            assertEquals(Optional.empty(), again.readInfo("after-close"));
        }
    }

    @Test
    void workThatEndsWithinTheGraceCommitsBeforeTheStoreCloses() throws Exception {
        Store store = Store.open(new DataFolder(tmp), Workspace.REAL);
        CountDownLatch inserted = new CountDownLatch(1);
        // A save under way when the window closes: written, committed a moment later.
        CompletableFuture<Integer> save = CompletableFuture.supplyAsync(() -> store.withConnection(c -> {
            c.setAutoCommit(false);
            insert(c, "saved", "yes");
            inserted.countDown();
            await(new CountDownLatch(1), 300); // still working a moment after the close began
            c.commit();
            return 1;
        }));
        assertTrue(inserted.await(30, TimeUnit.SECONDS));

        store.close(Duration.ofSeconds(30));

        // The close waited: the save committed (a close that did not wait would have failed its commit).
        assertEquals(1, save.get(30, TimeUnit.SECONDS));
        assertFileClosed();
        try (Store again = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            assertEquals(Optional.of("yes"), again.readInfo("saved"));
        }
    }

    @Test
    void closingTwiceChangesNothingAndWarnsOfNothing() {
        Logger logger = (Logger) LoggerFactory.getLogger(Store.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            Store store = Store.open(new DataFolder(tmp), Workspace.REAL);
            store.close();
            store.close(); // e.g. closed by its owner and again by a try-with-resources

            assertEquals(List.of(), events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage).toList());
            // the folder is free for the next opening
            try (Store again = Store.open(new DataFolder(tmp), Workspace.REAL)) {
                assertEquals(Optional.of("REAL"), again.readInfo("workspace"));
            }
        } finally {
            logger.detachAppender(events);
        }
    }

    /** Nothing in this JVM holds H2's lock on the store file (while H2 has it open, locking it here throws). */
    private void assertFileClosed() throws IOException {
        Path file = tmp.resolve("store").resolve(Store.DB_NAME + ".mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            assertNotNull(lock, "another process holds the store file");
            lock.release();
        }
    }

    private static void await(CountDownLatch latch) {
        await(latch, 30_000);
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int insert(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_info (info_key, info_value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            return ps.executeUpdate();
        }
    }
}
