package org.trustbench.sync;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.trustbench.concurrent.Futures;
import org.trustbench.sync.format.PackageVerifier;
import org.trustbench.sync.format.Progress;

/**
 * The content verification of a package ({@link PackageVerifier.SignedPackage#verifyContent}) on a thread of its own,
 * beside the apply that reads the same package in one transaction: the apply uses one core for the store's inserts, the
 * verification (SM3 of every entry, every record against its schema) the other, instead of one after the other. The
 * apply commits only after {@link #await} returned; a failure of the verification stops the apply (as a cancellation
 * would) and is what the import reports, as it was before anything was applied.
 *
 * <p>Progress from both halves goes to one {@link Progress} of {@code ImportService.TOTAL}: the verification (by bytes)
 * counts for one {@code PHASE}, the apply (by records) for another (the check after the commit is the third).
 */
final class ContentVerification {

    private final CompletableFuture<Void> done;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Object progressLock = new Object();
    private final Progress progress;
    private long verifiedPart;
    private long appliedPart;

    /** Starts verifying {@code signed}'s content on a new daemon thread. */
    ContentVerification(PackageVerifier.SignedPackage signed, Progress progress, BooleanSupplier cancelled) {
        this.progress = progress;
        this.done = CompletableFuture.runAsync(() -> {
            try {
                signed.verifyContent((bytes, total) -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    verified(total <= 0 ? 0 : Math.min(ImportService.PHASE, bytes * ImportService.PHASE / total));
                });
                verified(ImportService.PHASE);
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
        }, r -> {
            Thread t = new Thread(r, "package-verify");
            t.setDaemon(true);
            t.start();
        });
    }

    /** True once the verification has failed (or was cancelled): the apply should stop. */
    boolean failed() {
        return failed.get();
    }

    /** The apply's progress ({@code PHASE} to {@code 2 * PHASE} of {@code TOTAL}, as {@link ImportContext} reports it), combined. */
    Progress applyProgress() {
        return (n, total) -> {
            synchronized (progressLock) {
                appliedPart = Math.max(appliedPart, Math.max(0, n - ImportService.PHASE));
                report();
            }
        };
    }

    private void verified(long part) {
        synchronized (progressLock) {
            verifiedPart = Math.max(verifiedPart, part);
            report();
        }
    }

    private void report() {
        progress.update(verifiedPart + appliedPart, ImportService.TOTAL);
    }

    /**
     * Waits for the verification to end.
     *
     * @throws org.trustbench.sync.format.PackageException the verification's refusal
     * @throws CancellationException                       when it was cancelled
     */
    void await() {
        Futures.join(done);
    }

    /**
     * What an apply that failed with {@code applyFailure} should report: the verification's refusal when the content
     * was bad (the apply's failure is then a consequence, e.g. the file closed under it), else the apply's own failure.
     */
    RuntimeException rootCause(RuntimeException applyFailure) {
        try {
            await();
        } catch (CancellationException e) {
            return applyFailure;
        } catch (RuntimeException verification) {
            return verification;
        }
        return applyFailure;
    }
}
