package org.trustbench.verify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.domain.FilingCase;

/**
 * The check of an import's new cases, inside its transaction: the import offers each chunk of new cases as it inserts
 * them ({@link #offer}, the cases exactly as the store will read them back), a thread of its own verifies their
 * registry signatures and runs the rules, and the import stores the results in its transaction ({@link #store}), so the
 * cases and their findings are committed together and nothing is loaded back after the commit to check it.
 *
 * <p>The trusted issuer keys and their revocations are those of the transaction once the package's own issuer keys are
 * applied ({@link #start}); the check of a case is exactly {@link CheckService}'s. A case the import changes again after
 * it was checked (a registry update in the same package) is checked again after the commit, as any changed case is.
 *
 * <p>When its thread is still busy with {@value #BACKLOG} earlier chunks, the import checks the chunk it offers itself
 * (on its own thread, before it goes on): the two share the work instead of the import leaving cases to be loaded back
 * and checked after the commit. A failure while checking a chunk is logged and leaves that chunk to the check after the
 * commit. Memory stays bounded: at most the backlog waits, and the SM2 results kept for registry records that several
 * cases share are dropped every {@value #MEMO_MAX}.
 */
public final class ImportCheck implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCheck.class);
    /** Chunks waiting at most; about 4 chunks of an import, a few hundred cases. */
    static final int BACKLOG = 4;
    /** SM2 results kept at most for reuse by later cases (registry records shared between cases). */
    static final int MEMO_MAX = 20_000;

    /** The check of one case with the keys of the transaction and the store's corrupt attachments. */
    interface CaseCheck {
        FindingRepository.CaseResult check(FilingCase c, IssuerKeys keys, Set<String> corrupt, Map<String, Boolean> memo);
    }

    private final CaseCheck check;
    private final FindingRepository findings;
    private final Supplier<Set<String>> corruptBlobs;
    private final Clock clock;
    private final ThreadPoolExecutor thread;
    /** Checked chunks in their stored form (made on the check's thread), waiting to be stored. */
    private final ConcurrentLinkedQueue<Map<Long, StoredCheckForm>> checked = new ConcurrentLinkedQueue<>();
    /** SM2 results by input digest, shared by the check's thread and the import's when it checks a chunk itself. */
    private final Map<String, Boolean> memo = new ConcurrentHashMap<>();
    private volatile IssuerKeys keys;
    private Set<String> corrupt;
    private volatile boolean stopped;

    ImportCheck(CaseCheck check, FindingRepository findings, Supplier<Set<String>> corruptBlobs, Clock clock) {
        this.check = check;
        this.findings = findings;
        this.corruptBlobs = corruptBlobs;
        this.clock = clock;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
            Thread t = new Thread(r, "import-check");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Starts checking with these keys (read in the import's transaction); offers before this are dropped. */
    void start(IssuerKeys keys) {
        this.keys = keys;
    }

    /** Whether {@link #start} was called. */
    public boolean started() {
        return keys != null;
    }

    /**
     * Checks {@code stored} (new cases as the store will read them back) in the background, or on the calling thread
     * when the backlog is full; nothing before the check has started (those cases are checked after the commit).
     */
    public void offer(List<FilingCase> stored) {
        IssuerKeys now = keys;
        if (stored.isEmpty() || now == null || thread.isShutdown()) {
            return;
        }
        List<FilingCase> copy = List.copyOf(stored);
        thread.execute(() -> checkChunk(copy, now));
    }

    private void checkChunk(List<FilingCase> cases, IssuerKeys now) {
        Map<Long, StoredCheckForm> results = new LinkedHashMap<>();
        try {
            Set<String> corruptNow = corrupt();
            for (FilingCase c : cases) {
                if (stopped) {
                    return;
                }
                if (memo.size() > MEMO_MAX) {
                    memo.clear();
                }
                results.put(c.id(), StoredCheckForm.of(VerificationEngine.VERSION, check.check(c, now, corruptNow, memo)));
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking {} new cases during the import failed; they are checked after it", cases.size(), e);
            return;
        }
        checked.add(results);
    }

    /** The store's corrupt attachments, read once (by whichever thread checks first). */
    private synchronized Set<String> corrupt() {
        if (corrupt == null) {
            corrupt = Set.copyOf(corruptBlobs.get());
        }
        return corrupt;
    }

    /**
     * Stores the results checked so far in {@code tx} (the import's transaction); with {@code all}, first waits until
     * every chunk offered is checked, and takes no offer after that.
     *
     * @return the ids of the cases whose results were stored
     */
    public List<Long> store(DSLContext tx, boolean all) {
        if (all) {
            thread.shutdown();
            try {
                thread.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        Map<Long, StoredCheckForm> results = new LinkedHashMap<>();
        for (Map<Long, StoredCheckForm> chunk; (chunk = checked.poll()) != null; ) {
            results.putAll(chunk);
        }
        if (results.isEmpty()) {
            return List.of();
        }
        findings.saveForms(tx, results, VerificationEngine.VERSION, OffsetDateTime.now(clock), Map.of());
        return new ArrayList<>(results.keySet());
    }

    /** Stops checking; what is under way ends at the next case (by a flag: no thread of ours is interrupted). */
    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
    }
}
