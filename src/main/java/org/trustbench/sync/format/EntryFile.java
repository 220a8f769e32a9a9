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
 * are gathered into chunks; a full chunk is digested on one thread of this file's own and checksummed, deflated and
 * written on another (both started with the first full chunk, so a small entry never starts them), while the caller
 * fills the next. At most {@link #DEPTH} chunks are in flight; the caller waits for the oldest beyond that. The result
 * is exactly that of doing it all on the caller's thread: each of the two threads takes the chunks in the order they
 * were filled, and a chunk is reused only after both are done with it.
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
    private final ArrayDeque<Flight> inFlight = new ArrayDeque<>();
    private ExecutorService digester;
    private ExecutorService packer;
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

    /**
     * Hands the full chunk to the two workers (one digests, one checksums, deflates and writes: the two halves of the
     * work take about as long) and takes a free chunk, waiting for the oldest in flight if there are enough.
     */
    private void handOver() throws IOException {
        if (digester == null) {
            digester = worker("package-entry-digest");
            packer = worker("package-entry-deflate");
        }
        byte[] full = chunk;
        int n = used;
        inFlight.add(new Flight(full, CompletableFuture.runAsync(() -> digest(full, n), digester),
                CompletableFuture.runAsync(() -> {
                    try {
                        pack(full, n);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, packer)));
        used = 0;
        chunk = inFlight.size() > DEPTH ? awaitOldest() : new byte[CHUNK];
    }

    private static ExecutorService worker(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A chunk handed over, free again once both its halves are done. */
    private record Flight(byte[] chunk, CompletableFuture<Void> digest, CompletableFuture<Void> pack) {
    }

    private byte[] awaitOldest() throws IOException {
        Flight f = inFlight.poll();
        try {
            Futures.join(f.digest());
            Futures.join(f.pack());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return f.chunk();
    }

    private void digest(byte[] b, int n) {
        sm3.update(b, 0, n);
    }

    private void pack(byte[] b, int n) throws IOException {
        crc.update(b, 0, n);
        size += n;
        deflater.setInput(b, 0, n);
        while (!deflater.needsInput()) {
            out.write(deflated, 0, deflater.deflate(deflated));
        }
    }

    /**
     * Writes what is left, waits for the workers and closes the file; then {@link #sm3()}, {@link #crc()},
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
            digest(chunk, used); // the workers are idle: this thread may touch the digest and the deflater now
            pack(chunk, used);
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

    /** Waits for the chunks still in flight, ignoring their failures, and stops the workers. */
    private void drain() {
        for (Flight f : inFlight) {
            f.digest().exceptionally(e -> null).join();
            f.pack().exceptionally(e -> null).join();
        }
        inFlight.clear();
        if (digester != null) {
            digester.shutdown();
            packer.shutdown();
            digester = null;
            packer = null;
        }
        deflater.end();
    }

    /** Whether the worker threads are running (for tests). */
    boolean threaded() {
        return digester != null;
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
