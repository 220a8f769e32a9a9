package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.trustbench.crypto.Sm2;

/**
 * Writes a sync package (docs/sync-format.md) without holding its records in memory: records go one at a time through
 * a {@link RecordSink} into temporary files (deflated as they come), attachments are copied to temporary files while their SM3 is checked.
 * {@link #finish()} builds and signs manifest.json, writes the ZIP to a temporary file in the target folder, forces
 * it to disk and renames it into place atomically. {@link #abort()} (or {@link #close()} before finish) deletes
 * every temporary file.
 *
 * <p>The writer checks what the verifier checks (schemas, sequence numbers, attachment references), so a package it
 * finishes always verifies. The same records, attachments, header and key give the same bytes: entries have a fixed
 * time, a fixed order, and the SM2 signature is deterministic. (Deflated bytes depend on the zlib build; the
 * manifest and its signature do not, since digests are over uncompressed content.)
 */
public final class PackageWriter implements AutoCloseable {

    /** Format version 1 has no ZIP64: stay well below 4 GiB and 65,535 entries. */
    private static final long MAX_BYTES = 0xFFFFFFFFL - 64L * 1024 * 1024;
    private static final int MAX_ENTRIES = 65_534;

    private enum State { OPEN, FINISHED, ABORTED }

    private record Staged(Path file, long size, String sm3, long crc) {
    }

    private final Path target;
    private final Path dir;
    private final Path work;
    private final PrivateKey key;
    private final String signerKeyId;
    private final ManifestHeader header;
    private final Map<RecordType, RecordSink> sinks = new TreeMap<>(Comparator.comparing(RecordType::typeName));
    private final TreeMap<String, Staged> attachments = new TreeMap<>();
    private final Map<String, Where> referenced = new HashMap<>();
    private final BitSet seqUsed = new BitSet();
    private long bytes;
    private Path zipTemp;
    private FileChannel lock;
    private State state = State.OPEN;

    private PackageWriter(Path target, PrivateKey key, ManifestHeader header) throws IOException {
        this.target = target.toAbsolutePath();
        this.dir = this.target.getParent();
        this.key = key;
        this.signerKeyId = Sm2.fingerprint(Sm2.publicKeyOf(key));
        this.header = header;
        this.work = Files.createTempDirectory(dir, "." + this.target.getFileName() + WriterLeftovers.PARTS);
        this.lock = WriterLeftovers.lock(work);
    }

    /**
     * Deletes what writers killed before they finished left in {@code dir}: their hidden temporary folders and
     * files (named after a {@code .tbsync} target), never anything else and never those of a writer still at work
     * (which holds a lock on its folder, in this JVM or another process).
     *
     * @return the number of folders and files removed
     */
    public static int removeLeftovers(Path dir) {
        return WriterLeftovers.remove(dir);
    }

    /**
     * Starts a package that {@link #finish()} writes to {@code finalFile} (replacing a file of that name).
     *
     * @param key the signer's SM2 private key; its public key's fingerprint becomes the manifest's signerKeyId
     * @throws IllegalArgumentException if the key is not an SM2 private key
     */
    public static PackageWriter create(Path finalFile, PrivateKey key, ManifestHeader header) throws IOException {
        Objects.requireNonNull(finalFile, "finalFile");
        Objects.requireNonNull(header, "header");
        return new PackageWriter(finalFile, key, header);
    }

    /** The key ID the manifest will name. */
    public String signerKeyId() {
        return signerKeyId;
    }

    /** Opens the records of {@code type}; once per type, of the package's direction. Close the sink when done. */
    public RecordSink openRecords(RecordType type) throws IOException {
        requireOpen();
        if (type.direction() != header.direction()) {
            throw new IllegalArgumentException(type.typeName() + " records do not travel " + header.direction().json());
        }
        if (sinks.containsKey(type)) {
            throw new IllegalStateException("records of " + type.typeName() + " already opened");
        }
        countEntry();
        RecordSink sink = new RecordSink(this, type, Files.createTempFile(work, type.typeName() + "-", ".jsonl"));
        sinks.put(type, sink);
        return sink;
    }

    /** Writes all records of {@code type} from an iterator (streamed: take them from a cursor, not a list). */
    public void writeRecords(RecordType type, Iterator<? extends JsonNode> records) throws IOException {
        try (RecordSink sink = openRecords(type)) {
            while (records.hasNext()) {
                sink.write(records.next());
            }
        }
    }

    public void addAttachment(String sm3, byte[] content) throws IOException {
        addAttachment(sm3, new java.io.ByteArrayInputStream(content));
    }

    /**
     * Adds an attachment, copying it to a temporary file; adding a digest again is a no-op (the stream is not read).
     *
     * @throws PackageException if the content's SM3 is not {@code sm3}
     */
    public void addAttachment(String sm3, InputStream content) throws IOException {
        requireOpen();
        if (sm3 == null || !Rules.HEX64.matcher(sm3).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SM3 digest: " + sm3);
        }
        if (attachments.containsKey(sm3)) {
            return;
        }
        countEntry();
        Path file = Files.createTempFile(work, "attachment-", ".bin");
        SM3Digest digest = new SM3Digest();
        CRC32 crc = new CRC32();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = content.read(buf)) > 0) {
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                crc.update(buf, 0, n);
                size += n;
                addBytes(n);
            }
        }
        byte[] d = new byte[digest.getDigestSize()];
        digest.doFinal(d, 0);
        String actual = HexFormat.of().formatHex(d);
        if (!actual.equals(sm3)) {
            Files.deleteIfExists(file);
            throw PackageException.of(PackageProblem.DIGEST_MISMATCH, ManifestCodec.ATTACHMENT_PREFIX + sm3, actual, sm3);
        }
        attachments.put(sm3, new Staged(file, size, sm3, crc.getValue()));
    }

    /** Writes, signs, fsyncs and renames the package into place; returns its path. */
    public Path finish() throws IOException {
        return finish(Progress.NONE);
    }

    /**
     * As {@link #finish()}, reporting progress in bytes copied. Any exception (including a CancellationException
     * thrown from {@code progress}) aborts the writer: no temporary file is left and the target is untouched.
     */
    public Path finish(Progress progress) throws IOException {
        requireOpen();
        try {
            for (RecordSink sink : sinks.values()) {
                sink.close();
            }
            checkComplete();
            Map<RecordType, Long> counts = new LinkedHashMap<>();
            List<ManifestEntry> entries = new ArrayList<>();
            for (RecordSink s : sinks.values()) {
                counts.put(s.type(), s.count());
                entries.add(new ManifestEntry(s.type().entryPath(), s.size(), s.sm3()));
            }
            for (Staged p : attachments.values()) {
                entries.add(new ManifestEntry(ManifestCodec.ATTACHMENT_PREFIX + p.sm3(), p.size(), p.sm3()));
            }
            byte[] manifest = ManifestCodec.write(new Manifest(Manifest.FORMAT_VERSION, header, signerKeyId, counts, entries));
            zipTemp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            List<PackageZip.Part> parts = new ArrayList<>();
            sinks.values().forEach(k -> parts.add(new PackageZip.Part(k.type().entryPath(), k.file(), k.size(), k.crc(), true,
                    k.compressedSize())));
            attachments.values().forEach(a -> parts.add(new PackageZip.Part(ManifestCodec.ATTACHMENT_PREFIX + a.sm3(),
                    a.file(), a.size(), a.crc(), false, a.size())));
            PackageZip.write(zipTemp, manifest, Sm2.sign(key, manifest), parts, progress);
            Files.move(zipTemp, target, StandardCopyOption.ATOMIC_MOVE);
            zipTemp = null;
            syncDirectory();
            state = State.FINISHED;
            deleteWork();
            return target;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void checkComplete() {
        if (header.direction() == Direction.OUTBOUND) {
            SequenceRange range = header.sequence();
            int missing = seqUsed.nextClearBit(0);
            if (missing < range.size()) {
                throw PackageException.of(PackageProblem.SEQUENCE_GAP, ManifestCodec.MANIFEST, range.from() + missing,
                        range.from() + "–" + range.to());
            }
        }
        referenced.forEach((sm3, where) -> {
            if (!attachments.containsKey(sm3)) {
                throw where.fail(PackageProblem.MISSING_ATTACHMENT, sm3, ManifestCodec.ATTACHMENT_PREFIX + sm3);
            }
        });
        for (String sm3 : attachments.keySet()) {
            if (!referenced.containsKey(sm3)) {
                throw PackageException.of(PackageProblem.UNREFERENCED_ATTACHMENT, ManifestCodec.ATTACHMENT_PREFIX + sm3, sm3, "");
            }
        }
    }

    /** Makes the rename durable (POSIX); where a folder cannot be opened for it, the rename is durable anyway. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // e.g. Windows: folders cannot be opened as channels
        }
    }

    /** Deletes every temporary file; the target is left as it was. Safe to call more than once. */
    public void abort() {
        if (state == State.FINISHED) {
            return;
        }
        state = State.ABORTED;
        sinks.values().forEach(RecordSink::closeQuietly);
        try {
            if (zipTemp != null) {
                Files.deleteIfExists(zipTemp);
            }
        } catch (IOException e) {
            // best effort
        }
        deleteWork();
    }

    /** Aborts unless finished. */
    @Override
    public void close() {
        abort();
    }

    private void deleteWork() {
        lock = WriterLeftovers.release(lock);
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is hidden and named after the package
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("package writer is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void countEntry() {
        if (sinks.size() + attachments.size() + 2 >= MAX_ENTRIES) {
            throw PackageException.of(PackageProblem.TOO_MANY_ENTRIES, target.getFileName().toString(), MAX_ENTRIES, MAX_ENTRIES);
        }
    }

    void addBytes(long n) {
        bytes += n;
        if (bytes > MAX_BYTES) {
            throw PackageException.of(PackageProblem.TOTAL_TOO_LARGE, target.getFileName().toString(), bytes, MAX_BYTES);
        }
    }

    /** Called by a sink for each attachment a record refers to. */
    void reference(Where where, String sm3) {
        referenced.putIfAbsent(sm3, where);
    }

    /** Called by a sink for each outbound record: in the range, increasing in its file, not used by another. */
    void useSequence(Where where, long seq, long lastSeq) {
        SequenceRange range = header.sequence();
        if (!range.contains(seq)) {
            throw where.fail(PackageProblem.SEQUENCE_OUT_OF_RANGE, seq, range.from() + "–" + range.to());
        }
        int bit = (int) (seq - range.from());
        if (seq <= lastSeq || seqUsed.get(bit)) {
            throw where.fail(PackageProblem.SEQUENCE_ORDER, seq, lastSeq);
        }
        seqUsed.set(bit);
    }
}
