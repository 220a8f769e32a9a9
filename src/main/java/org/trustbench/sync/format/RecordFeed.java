package org.trustbench.sync.format;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The records of one type handed from the content verification ({@link PackageVerifier.SignedPackage#verifyContent}) to
 * the reader of {@link VerifiedPackage#forEachRecord}, so that an import reads, hashes, parses and checks its bulk
 * entry once instead of once on each side (docs/sync-format.md, "Verifying while applying"). Records arrive as they
 * pass their schema, before the entry's digest is checked at its end, exactly as a reading of the file hands them out:
 * apply them in one transaction and commit only after the verification has passed.
 *
 * <p>A feed may also {@linkplain #prepare prepare} each record on the verification's thread (e.g. turn it into a domain
 * value), so the reader gets that work done too; a record whose preparing fails is handed over unprepared (the reader
 * prepares it and meets the failure itself).
 *
 * <p>At most {@link #CAPACITY} records wait, so memory stays flat however large the entry. Every side can stop: the
 * reader {@linkplain #abandon() abandons} the feed (the verification goes on without handing out records), a failed or
 * cancelled verification {@linkplain #finish() finishes} it before it is complete (the reader gets a
 * {@link CancellationException}; the verification's own exception is the one to report).
 */
public final class RecordFeed {

    /** Records waiting at most: a few megabytes of parsed cases. */
    static final int CAPACITY = 256;
    private static final long WAIT_MS = 20;

    private final RecordType type;
    private final Function<PackageRecord, ?> prepare;
    private final BlockingQueue<Fed> queue = new ArrayBlockingQueue<>(CAPACITY);
    private volatile boolean abandoned;
    private volatile boolean finished;
    private volatile boolean complete;
    private volatile boolean taken;

    /** A record and what {@link #prepare} made of it (null: not prepared). */
    record Fed(PackageRecord record, Object prepared) {
    }

    /** {@code prepare}: applied to each record on the verification's thread, or null for none. */
    RecordFeed(RecordType type, Function<PackageRecord, ?> prepare) {
        this.type = type;
        this.prepare = prepare;
    }

    /** What the verification applies to each record before handing it over, or null. */
    Function<PackageRecord, ?> prepare() {
        return prepare;
    }

    // ------------------------------------------------------------------ the verification's side

    /** Hands {@code r} to the reader, waiting while {@link #CAPACITY} records wait; drops it once abandoned. */
    void offer(PackageRecord r) {
        if (abandoned) {
            return;
        }
        Fed fed = new Fed(r, prepared(r));
        try {
            while (!abandoned) { // else the reader is busy applying: wait for room or its abandoning
                if (queue.offer(fed, WAIT_MS, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        queue.clear(); // abandoned while this one went in: nothing waits for a reader that has gone
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing records to the import");
        }
    }

    private Object prepared(PackageRecord r) {
        if (prepare == null) {
            return null;
        }
        try {
            return prepare.apply(r);
        } catch (RuntimeException e) {
            return null; // the reader prepares it again and meets the failure where it would have without a feed
        }
    }

    /** The entry was read to its end and passed its size, digest and count checks: every record was handed out. */
    void complete() {
        complete = true;
        finished = true;
    }

    /** The verification ended (passed, failed or cancelled); records not handed out by now never will be. */
    void finish() {
        finished = true;
    }

    // ------------------------------------------------------------------ the reader's side

    /**
     * Hands every record to {@code action} in file order, returning once the last one was handed out and the
     * verification checked the whole entry. Throw {@link CancellationException} from {@code action} to stop (then
     * {@link #abandon()}).
     *
     * @throws CancellationException if the verification failed or was cancelled before the entry was complete
     */
    void forEach(Consumer<Fed> action) {
        taken = true;
        try {
            while (true) {
                Fed r = queue.poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (r != null) {
                    action.accept(r);
                } else if (finished && queue.isEmpty()) {
                    if (complete) {
                        return;
                    }
                    throw new CancellationException("the verification of " + type.entryPath() + " stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading " + type.entryPath());
        }
    }

    /** Whether {@link #forEach} was started: a feed is read once; a second reading reads the file. */
    boolean taken() {
        return taken;
    }

    /** How many records wait for the reader. */
    int waiting() {
        return queue.size();
    }

    /** The reader reads no (more) records: the verification stops handing them out and drops those waiting. */
    public void abandon() {
        abandoned = true;
        queue.clear();
    }
}
