package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content verification hands the records of a fed entry to the apply instead of the apply reading the file again:
 * every record in order, never more than {@link RecordFeed#CAPACITY} waiting, and neither side can leave the other
 * waiting (an abandoned feed lets the verification finish; a failed verification stops the reader). On real signed
 * packages of more records than the feed holds.
 */
class RecordFeedTest {

    private static final int DECISIONS = 3 * RecordFeed.CAPACITY + 17;

    @TempDir
    Path tmp;

    @Test
    void theFedRecordsAreTheEntrysRecordsInOrderAndNoFileIsReadForThem() throws Exception {
        Path file = bigOutbound("fed.tbsync");
        List<JsonNode> fromFile;
        try (VerifiedPackage p = PackageVerifier.verify(file, trusted(), Limits.DEFAULT)) {
            fromFile = Fixtures.readAll(p, RecordType.DECISION);
        }
        PackageVerifier.SignedPackage signed = PackageVerifier.open(file, trusted(), Limits.DEFAULT);
        try (VerifiedPackage pkg = signed.pkg()) {
            RecordFeed feed = signed.feed(RecordType.DECISION);
            CompletableFuture<Void> verification = CompletableFuture.runAsync(() -> signed.verifyContent(Progress.NONE));
            List<JsonNode> fed = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            pkg.forEachRecord(RecordType.DECISION, r -> {
                fed.add(r.json());
                lines.add(r.line());
            });
            verification.get(60, TimeUnit.SECONDS);
            assertTrue(feed.taken());
            assertEquals(DECISIONS, fed.size());
            assertEquals(fromFile, fed);
            assertEquals(LongStream.rangeClosed(1, DECISIONS).boxed().toList(), lines);
            // A second reading of the same type reads the file again.
            assertEquals(fromFile, Fixtures.readAll(pkg, RecordType.DECISION));
        }
    }

    @Test
    void anAbandonedFeedLetsTheVerificationFinish() throws Exception {
        Path file = bigOutbound("abandoned.tbsync");
        PackageVerifier.SignedPackage signed = PackageVerifier.open(file, trusted(), Limits.DEFAULT);
        try (VerifiedPackage ignored = signed.pkg()) {
            RecordFeed feed = signed.feed(RecordType.DECISION);
            CompletableFuture<Void> verification = CompletableFuture.runAsync(() -> signed.verifyContent(Progress.NONE));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (feed.waiting() < RecordFeed.CAPACITY && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(RecordFeed.CAPACITY, feed.waiting(), "the verification filled the feed");
            Thread.sleep(200);
            assertFalse(verification.isDone(), "with no reader, the verification waits for room");
            feed.abandon();
            verification.get(60, TimeUnit.SECONDS);
            assertEquals(0, feed.waiting());
        }
    }

    @Test
    void aFailedVerificationStopsTheReaderAndGivesTheReasonItself() throws Exception {
        Path valid = bigOutbound("valid.tbsync");
        int badLine = 2 * RecordFeed.CAPACITY;
        Path bad = Forge.of(valid, Fixtures.WORKSTATION.getPrivate())
                .record(RecordType.DECISION, badLine, o -> o.put("outcome", "MAYBE")).write(tmp.resolve("bad.tbsync"));
        PackageVerifier.SignedPackage signed = PackageVerifier.open(bad, trusted(), Limits.DEFAULT);
        try (VerifiedPackage pkg = signed.pkg()) {
            signed.feed(RecordType.DECISION);
            CompletableFuture<Void> verification = CompletableFuture.runAsync(() -> signed.verifyContent(Progress.NONE));
            List<Long> lines = new ArrayList<>();
            assertThrows(CancellationException.class, () -> pkg.forEachRecord(RecordType.DECISION, r -> lines.add(r.line())));
            assertEquals(badLine - 1, lines.size(), "every record before the bad one, none after");
            ExecutionException e = assertThrows(ExecutionException.class, () -> verification.get(60, TimeUnit.SECONDS));
            PackageException refusal = (PackageException) e.getCause();
            assertEquals(PackageProblem.FIELD_ENUM, refusal.problem(), refusal.getMessage());
            assertEquals(RecordType.DECISION.entryPath(), refusal.entry());
            assertEquals(badLine, refusal.line());
        }
    }

    @Test
    void aReaderThatStopsAbandonsTheFeed() throws Exception {
        Path file = bigOutbound("stopped.tbsync");
        PackageVerifier.SignedPackage signed = PackageVerifier.open(file, trusted(), Limits.DEFAULT);
        try (VerifiedPackage pkg = signed.pkg()) {
            signed.feed(RecordType.DECISION);
            CompletableFuture<Void> verification = CompletableFuture.runAsync(() -> signed.verifyContent(Progress.NONE));
            int[] read = {0};
            assertThrows(CancellationException.class, () -> pkg.forEachRecord(RecordType.DECISION, r -> {
                if (++read[0] == 10) {
                    throw new CancellationException("cancelled by the officer");
                }
            }));
            verification.get(60, TimeUnit.SECONDS); // does not wait for a reader that has gone
            assertEquals(10, read[0]);
        }
    }

    @Test
    void recordsArePreparedOnTheVerificationsThreadAndAFailureIsPreparedAgainByTheReader() throws Exception {
        Path file = bigOutbound("prepared.tbsync");
        String reader = Thread.currentThread().getName();
        Function<PackageRecord, String> prepare = r -> {
            if (r.line() == 5 && !Thread.currentThread().getName().equals(reader)) {
                throw new IllegalStateException("fails on the verification's thread");
            }
            return r.line() + "@" + Thread.currentThread().getName();
        };
        List<String> values = readWhileVerifying(file, prepare, prepare);

        assertEquals(DECISIONS, values.size());
        for (int line = 1; line <= DECISIONS; line++) {
            String v = values.get(line - 1);
            assertTrue(v.startsWith(line + "@"), v);
            assertEquals(line == 5, v.endsWith("@" + reader), "prepared by the reader only where it failed: " + v);
        }
    }

    @Test
    void aReaderWithAnotherFunctionAppliesItsOwnToEveryRecordOfTheFeed() throws Exception {
        Path file = bigOutbound("other-function.tbsync");
        String reader = Thread.currentThread().getName();
        AtomicInteger preparedByFeed = new AtomicInteger();
        Function<PackageRecord, String> registered = r -> {
            preparedByFeed.incrementAndGet();
            return "registered";
        };
        Function<PackageRecord, String> different = r -> r.line() + "@" + Thread.currentThread().getName();
        List<String> values = readWhileVerifying(file, registered, different);

        // The feed prepared its records with its own function, but a value is only taken by a reader of that very
        // function: this reader's function made every value, on the reader's thread, in the package's order.
        assertTrue(preparedByFeed.get() > 0, "the verification prepared records for the feed");
        assertEquals(DECISIONS, values.size());
        for (int line = 1; line <= DECISIONS; line++) {
            assertEquals(line + "@" + reader, values.get(line - 1));
        }
    }

    /**
     * The decisions' values as {@code read} gives them to a reader on this thread, while the package's content is verified
     * on another one with a feed of {@code fed} registered.
     */
    private List<String> readWhileVerifying(Path file, Function<PackageRecord, String> fed,
                                            Function<PackageRecord, String> read) throws Exception {
        PackageVerifier.SignedPackage signed = PackageVerifier.open(file, trusted(), Limits.DEFAULT);
        try (VerifiedPackage pkg = signed.pkg()) {
            signed.feed(RecordType.DECISION, fed);
            CompletableFuture<Void> verification = CompletableFuture.runAsync(() -> signed.verifyContent(Progress.NONE));
            List<String> values = new ArrayList<>();
            pkg.forEachRecord(RecordType.DECISION, read, (r, v) -> values.add(v));
            verification.get(60, TimeUnit.SECONDS);
            return values;
        }
    }

    private Path bigOutbound(String name) throws Exception {
        try (PackageWriter w = PackageWriter.create(tmp.resolve(name), Fixtures.WORKSTATION.getPrivate(),
                Fixtures.outboundHeader(1, DECISIONS))) {
            List<JsonNode> decisions = new ArrayList<>();
            for (int i = 1; i <= DECISIONS; i++) {
                decisions.add(Fixtures.decision(i, String.format("BA-310115-2026-%06d", i)));
            }
            w.writeRecords(RecordType.DECISION, decisions.iterator());
            return w.finish();
        }
    }

    private static java.util.Map<String, java.security.PublicKey> trusted() {
        return Fixtures.trusted(Fixtures.WORKSTATION);
    }
}
