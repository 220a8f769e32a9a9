package org.trustbench.sync.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.trustbench.concurrent.Futures;

/**
 * The temporary file of one deflated entry: the raw deflate stream of its bytes ({@link PackageZip#deflater()}), with
 * the SM3 digest and CRC-32 of the bytes themselves computed on the way, so that the ZIP only has to copy it. Bytes
 * are gathered into chunks; a full chunk is digested, checksummed, deflated and written on a thread of this file's own
 * (started with the first full chunk, so a small entry never starts one), while the caller fills the next. At most {@link #DEPTH} chunks
 * are in flight; the caller waits for the oldest beyond that. The result is exactly that of doing it all on the
 * caller's thread: one thread takes the chunks in the order they were filled.
 */
final class EntryFile {

    /** Bytes per chunk. */
    static final int CHUNK = 1 << 18;
    /** Chunks handed over and not yet done, at most. */
    static final int DEPTH = 3;

    private final OutputStream out;
    private final SM3Digest sm3 = new SM3Digest();
    private final CRC32 crc = new CRC32();
    private final Deflater deflater = PackageZip.deflater();
    private final byte[] deflated = new byte[1 << 16];
    private long size;
    private long compressedSize;
    private final ArrayDeque<CompletableFuture<byte[]>> inFlight = new ArrayDeque<>();
    private ExecutorService worker;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean closed;
    private String digest;

    EntryFile(Path file) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == CHUNK) {
                handOver();
            }
        }
    }

    void write(byte b) throws IOException {
        chunk[used++] = b;
        if (used == CHUNK) {
            handOver();
        }
    }

    /** Hands the full chunk to the worker and takes a free one (waiting for the oldest in flight if there are enough). */
    private void handOver() throws IOException {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "package-entry-digest");
                t.setDaemon(true);
                return t;
            });
        }
        byte[] full = chunk;
        int n = used;
        inFlight.add(CompletableFuture.supplyAsync(() -> {
            try {
                consume(full, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return full;
        }, worker));
        used = 0;
        chunk = inFlight.size() > DEPTH ? awaitOldest() : new byte[CHUNK];
    }

    private byte[] awaitOldest() throws IOException {
        try {
            return Futures.join(inFlight.poll());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void consume(byte[] b, int n) throws IOException {
        sm3.update(b, 0, n);
        crc.update(b, 0, n);
        size += n;
        deflater.setInput(b, 0, n);
        while (!deflater.needsInput()) {
            out.write(deflated, 0, deflater.deflate(deflated));
        }
    }

    /**
     * Writes what is left, waits for the worker and closes the file; then {@link #sm3()}, {@link #crc()},
     * {@link #size()} and {@link #compressedSize()} hold.
     */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (!inFlight.isEmpty()) {
                awaitOldest();
            }
            consume(chunk, used); // the worker is idle: this thread may touch the digests now
            deflater.finish();
            while (!deflater.finished()) {
                out.write(deflated, 0, deflater.deflate(deflated));
            }
            compressedSize = deflater.getBytesWritten();
            byte[] d = new byte[sm3.getDigestSize()];
            sm3.doFinal(d, 0);
            digest = HexFormat.of().formatHex(d);
        } finally {
            drain();
            out.close();
        }
    }

    /** Closes without finishing: waits for the chunks in flight (their failures ignored) so nothing writes later. */
    void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        try {
            out.close();
        } catch (IOException e) {
            // the writer is aborting
        }
    }

    /** Waits for the chunks still in flight, ignoring their failures, and stops the worker. */
    private void drain() {
        for (CompletableFuture<byte[]> f : inFlight) {
            f.exceptionally(e -> null).join();
        }
        inFlight.clear();
        if (worker != null) {
            worker.shutdown();
            worker = null;
        }
        deflater.end();
    }

    /** Whether a worker thread is running (for tests). */
    boolean threaded() {
        return worker != null;
    }

    String sm3() {
        return digest;
    }

    long crc() {
        return crc.getValue();
    }

    /** The entry's bytes (before deflating). */
    long size() {
        return size;
    }

    /** The file's bytes: the deflated entry. */
    long compressedSize() {
        return compressedSize;
    }
}
