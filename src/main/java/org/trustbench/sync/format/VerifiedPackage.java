package org.trustbench.sync.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A package that passed {@link PackageVerifier}: its manifest, and its records and attachments to stream into the
 * store. The file stays open until {@link #close()}, so renaming or replacing it does not change what is read.
 *
 * <p>Reading again re-checks everything as it goes: records are re-validated, and each entry's size and SM3 are
 * compared with the manifest when its end is reached (an entry {@linkplain PackageVerifier.SignedPackage#feed fed} by
 * the content verification is not read again: its records are the ones the verification checked). If the file was changed in place since verification, the
 * mismatch surfaces as a {@link PackageException} at the end of that entry, after records were handed out: apply
 * records inside one transaction and roll it back on any exception.
 */
public final class VerifiedPackage implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final Manifest manifest;
    private final Map<String, ZipEntryInfo> entries;
    private final Limits limits;
    /** Records the content verification hands over as it checks them (one reading of the entry instead of two). */
    private final Map<RecordType, RecordFeed> feeds = new ConcurrentHashMap<>();

    VerifiedPackage(Path file, FileChannel channel, Manifest manifest, Map<String, ZipEntryInfo> entries, Limits limits) {
        this.file = file;
        this.channel = channel;
        this.manifest = manifest;
        this.entries = Map.copyOf(entries);
        this.limits = limits;
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The key ID of the trusted signer whose signature verified. */
    public String signerKeyId() {
        return manifest.signerKeyId();
    }

    /**
     * Streams the records of {@code type} in file order (nothing when the package has none). Throw
     * {@link java.util.concurrent.CancellationException} from {@code action} to stop.
     *
     * <p>When the content verification was asked to {@linkplain PackageVerifier.SignedPackage#feed feed} this type, the
     * first reading takes the records it checked instead of reading the file again.
     *
     * @throws PackageException if the file no longer matches what was verified, or cannot be read
     * @throws java.util.concurrent.CancellationException if the verification feeding the records failed or was cancelled
     *                                                    (its own exception tells why)
     */
    public void forEachRecord(RecordType type, Consumer<PackageRecord> action) {
        forEachRecord(type, null, (r, ignored) -> action.accept(r));
    }

    /**
     * As {@link #forEachRecord(RecordType, Consumer)}, handing each record with what {@code prepare} makes of it. When
     * the content verification feeds this type with this very {@code prepare}
     * ({@link PackageVerifier.SignedPackage#feed(RecordType, Function)}), that was done on its thread; otherwise it is
     * done here.
     *
     * @param prepare a function of the record alone (no state): the same records give the same values
     */
    public <T> void forEachRecord(RecordType type, Function<PackageRecord, T> prepare, BiConsumer<PackageRecord, T> action) {
        ManifestEntry listed = manifest.entry(type.entryPath()).orElse(null);
        if (listed == null) {
            return;
        }
        RecordFeed feed = feeds.get(type);
        if (feed != null && !feed.taken()) {
            boolean same = prepare != null && feed.prepare() == prepare;
            try {
                feed.forEach(fed -> action.accept(fed.record(), same && fed.prepared() != null ? cast(fed.prepared())
                        : prepare == null ? null : prepare.apply(fed.record())));
            } finally {
                feed.abandon(); // read to the end, or stopped: either way nothing more is wanted
            }
            return;
        }
        Consumer<PackageRecord> plain = r -> action.accept(r, prepare == null ? null : prepare.apply(r));
        RecordScanner.Context ctx = new RecordScanner.Context(manifest);
        try (EntryStream in = open(listed)) {
            RecordScanner.scan(in, type, listed, ctx, limits, plain);
        } catch (IOException e) {
            throw PackageException.of(PackageProblem.READ_ERROR, listed.path(), e.getClass().getSimpleName(),
                    e.getMessage(), e);
        }
    }

    /**
     * The content of the attachment with this SM3 digest. The stream checks size and digest at its end and throws
     * a {@link PackageException} from {@code read} if they no longer match.
     *
     * @throws IllegalArgumentException if the package has no such attachment
     */
    public InputStream openAttachment(String sm3) {
        String path = ManifestCodec.ATTACHMENT_PREFIX + sm3;
        ManifestEntry listed = manifest.entry(path)
                .orElseThrow(() -> new IllegalArgumentException("no attachment " + sm3 + " in the package"));
        EntryStream stream = open(listed);
        return new FilterInputStream(stream) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                checkAtEnd(b);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                checkAtEnd(n);
                return n;
            }

            private void checkAtEnd(int n) {
                if (n < 0) {
                    RecordScanner.integrity(stream, listed);
                }
            }
        };
    }

    /** Refuses a package travelling the other way (e.g. an outbound package offered for import on a workstation). */
    public void requireDirection(Direction expected) {
        Direction actual = manifest.header().direction();
        if (actual != expected) {
            throw PackageException.of(PackageProblem.WRONG_DIRECTION, ManifestCodec.MANIFEST, actual.json(), expected.json());
        }
    }

    /** Refuses a demo package in a real store and a real package in a demo store. */
    public void requireDemo(boolean demoStore) {
        if (manifest.header().demo() != demoStore) {
            throw PackageException.of(demoStore ? PackageProblem.REAL_INTO_DEMO : PackageProblem.DEMO_INTO_REAL,
                    ManifestCodec.MANIFEST, manifest.header().workstationId(), "");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object prepared) {
        return (T) prepared; // made by the very function the reader passed (identity checked by the caller)
    }

    /** A new feed of {@code type}'s records, prepared by {@code prepare} (or not, if null), replacing any earlier one. */
    RecordFeed newFeed(RecordType type, Function<PackageRecord, ?> prepare) {
        RecordFeed feed = new RecordFeed(type, prepare);
        feeds.put(type, feed);
        return feed;
    }

    /** The feed of {@code type}, if one was asked for. */
    RecordFeed feed(RecordType type) {
        return feeds.get(type);
    }

    /** Ends every feed: the verification is over, whichever way. */
    void finishFeeds() {
        feeds.values().forEach(RecordFeed::finish);
    }

    private EntryStream open(ManifestEntry listed) {
        EntryStream.Total total = new EntryStream.Total(Progress.NONE, listed.size());
        return new EntryStream(channel, entries.get(listed.path()), limits, total);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only; nothing was written
        }
    }
}
