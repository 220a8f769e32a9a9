package org.trustbench.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.crypto.Sm2;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;

/**
 * SM2 results of registry-record signatures computed ahead of a bulk check, on a background thread, while the cases are
 * still being stored: an import offers each chunk of new cases as it inserts them, and the check after the commit
 * ({@link CheckService#checkCases(List, CheckService.Progress, java.util.function.BooleanSupplier, SignaturePrecheck)})
 * starts from these results instead of verifying those signatures itself.
 *
 * <p>A result is kept under the SM3 digest of exactly the inputs it was computed from (signer key id, signature and the
 * record's canonical bytes, {@link IssuerKeys#inputDigest}), with the key whose fingerprint is that key id. The check
 * computes the digest again from the case as stored, so a result is used only for the very record it was computed for;
 * whether the key is trusted or revoked is decided by the check, never here. Keys are those of the store when the
 * precheck starts and those {@linkplain #addKey added} since (an import adds the keys its package brings before it
 * inserts the cases); a key is used only if its fingerprint is its key id.
 *
 * <p>It never slows down or holds up what offers the cases: when its thread is still busy with {@value #BACKLOG} earlier
 * offers, an offer is dropped (the check verifies those records). A failure while prechecking is logged and leaves the
 * record to the check.
 */
public final class SignaturePrecheck implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignaturePrecheck.class);
    /** Offers waiting at most; about 4 chunks of an import, a few hundred cases. */
    static final int BACKLOG = 4;

    private volatile IssuerKeys keys;
    private final BiFunction<String, String, Sm2.VerifyKey> prepare;
    private final Map<String, Boolean> results = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor thread;
    private volatile boolean stopped;

    /**
     * @param prepare the key of a key id and public key PEM, or null if the PEM is unreadable or its fingerprint is not
     *                that key id
     */
    SignaturePrecheck(IssuerKeys keys, BiFunction<String, String, Sm2.VerifyKey> prepare) {
        this.keys = keys;
        this.prepare = prepare;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
            Thread t = new Thread(r, "signature-precheck");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Also verifies signatures by this key from now on (if its fingerprint is {@code keyId}); trust is not implied. */
    public synchronized void addKey(String keyId, String publicKeyPem) {
        Sm2.VerifyKey key = prepare.apply(keyId, publicKeyPem);
        if (key != null && !keys.keys().containsKey(keyId)) {
            Map<String, Sm2.VerifyKey> more = new HashMap<>(keys.keys());
            more.put(keyId, key);
            keys = new IssuerKeys(more, Set.of(), keys.verifier());
        }
    }

    /** The key ids it verifies signatures of. */
    Set<String> keyIds() {
        return keys.keys().keySet();
    }

    /** Verifies the registry signatures of {@code cases} in the background, unless the backlog is full. */
    public void offer(List<FilingCase> cases) {
        if (cases.isEmpty() || thread.isShutdown()) {
            return;
        }
        List<FilingCase> copy = List.copyOf(cases);
        IssuerKeys now = keys;
        thread.execute(() -> {
            for (FilingCase c : copy) {
                if (stopped) {
                    return;
                }
                for (EvidenceItem e : c.evidence()) {
                    if (e.source() == EvidenceSource.REGULATOR) {
                        precheck(now, e);
                    }
                }
            }
        });
    }

    private void precheck(IssuerKeys keys, EvidenceItem e) {
        try {
            keys.status(e, results::get, results);
        } catch (RuntimeException ex) {
            LOG.debug("Precheck of a registry record left to the check", ex);
        }
    }

    /**
     * Waits until what was offered is prechecked (or the wait is interrupted), then returns the results by input
     * digest: a thread-safe map, which the check goes on filling. No offer is taken after this.
     */
    Map<String, Boolean> finish() {
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        return results;
    }

    /** Stops prechecking; what is under way ends at the next case (by a flag: no thread of ours is interrupted). */
    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
    }
}
