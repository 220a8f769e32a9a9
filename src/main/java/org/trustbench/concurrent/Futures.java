package org.trustbench.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to another thread, with its failure rethrown as it was thrown there. */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits for {@code f} and returns its value.
     *
     * @throws RuntimeException the unchecked exception {@code f} failed with, itself (not wrapped)
     * @throws Error            the error {@code f} failed with
     */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
