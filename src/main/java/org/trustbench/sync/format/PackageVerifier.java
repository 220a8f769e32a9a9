package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.trustbench.crypto.Sm2;

/**
 * Checks a sync package completely before anything is applied (docs/sync-format.md, "Verifying a package"): the ZIP
 * structure, entry names and kinds, size caps, the manifest and its SM2 signature by a trusted signer, every entry
 * against the manifest (set, order, size, SM3) and every record against its schema. Memory stays flat: entries are
 * streamed and records read one line at a time; what is kept grows only with the number of entries.
 */
public final class PackageVerifier {

    private static final int MAX_SIGNATURE_BYTES = 1024;

    private PackageVerifier() {
    }

    /**
     * @param trustedSigners the signers this store accepts, by key ID ({@link Sm2#fingerprint})
     * @return the verified package, open for reading its records and attachments; close it
     * @throws PackageException naming the entry, line and reason of the first problem
     */
    public static VerifiedPackage verify(Path file, Map<String, PublicKey> trustedSigners, Limits limits) {
        return verify(file, trustedSigners, limits, Progress.NONE);
    }

    /** As {@link #verify(Path, Map, Limits)}, reporting progress; cancel by throwing CancellationException from it. */
    public static VerifiedPackage verify(Path file, Map<String, PublicKey> trustedSigners, Limits limits,
                                         Progress progress) {
        SignedPackage signed = open(file, trustedSigners, limits);
        try {
            signed.verifyContent(progress);
        } catch (PackageException | CancellationException e) {
            signed.pkg().close();
            throw e;
        }
        return signed.pkg();
    }

    /**
     * The first half of {@link #verify}: the ZIP structure, entry names and kinds, size caps, the manifest, its SM2
     * signature by a trusted signer and the entry set, order and sizes (a few reads, however large the package). The
     * content (every entry's SM3 and every record against its schema, with the checks across records) is left to
     * {@link SignedPackage#verifyContent}, which may run on another thread while the package's records are read: an
     * import applies the records in one transaction while the content is verified beside it, and commits only once that
     * has passed (docs/sync-format.md, "Verifying while applying").
     *
     * @throws PackageException naming the entry and reason of the first problem
     */
    public static SignedPackage open(Path file, Map<String, PublicKey> trustedSigners, Limits limits) {
        String label = String.valueOf(file.getFileName());
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw PackageException.of(PackageProblem.READ_ERROR, label, e.getClass().getSimpleName(), e.getMessage(), e);
        }
        Check check = new Check(channel, label, limits);
        guarded(label, channel, () -> check.runHead(Map.copyOf(trustedSigners)));
        return new SignedPackage(new VerifiedPackage(file, channel, check.manifest, check.entries, limits), check, label,
                channel);
    }

    /** A package whose structure and manifest signature are verified; its content is verified by {@link #verifyContent}. */
    public static final class SignedPackage {
        private final VerifiedPackage pkg;
        private final Check check;
        private final String label;
        private final FileChannel channel;

        private SignedPackage(VerifiedPackage pkg, Check check, String label, FileChannel channel) {
            this.pkg = pkg;
            this.check = check;
            this.label = label;
            this.channel = channel;
        }

        /**
         * The package for reading. Its reads re-check records and digests as they go (a change surfaces at the end of
         * an entry), but the checks across records and entries are {@link #verifyContent}'s: apply what it reads in one
         * transaction and commit only after {@code verifyContent} returned.
         */
        public VerifiedPackage pkg() {
            return pkg;
        }

        /**
         * Streams every entry once against the manifest and every record against its schema. Safe to run on one thread
         * while another reads {@link #pkg()} (positional reads of one read-only channel). Closes the package when it
         * fails.
         *
         * @throws PackageException            naming the entry, line and reason of the first problem
         * @throws CancellationException       thrown by {@code progress}
         */
        public void verifyContent(Progress progress) {
            try {
                guarded(label, channel, () -> check.readContent(progress, pkg));
            } finally {
                pkg.finishFeeds();
            }
        }

        /**
         * Asks {@link #verifyContent} to hand the records of {@code type} it checked to the first
         * {@link VerifiedPackage#forEachRecord} of that type, which then reads no file: call it before the verification
         * starts, and {@linkplain RecordFeed#abandon() abandon} the feed if it may not be read (else the verification
         * waits for its reader). The reader gets each record once it passed its schema, as a reading of the file would
         * hand it out.
         */
        public RecordFeed feed(RecordType type) {
            return pkg.newFeed(type, null);
        }

        /**
         * As {@link #feed(RecordType)}, each record also prepared by {@code prepare} on the verification's thread, for a
         * reading with the same function
         * ({@link VerifiedPackage#forEachRecord(RecordType, java.util.function.Function, java.util.function.BiConsumer)}).
         */
        public RecordFeed feed(RecordType type, java.util.function.Function<PackageRecord, ?> prepare) {
            return pkg.newFeed(type, prepare);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs a step of a check; anything but a refusal or a cancellation closes the file and becomes a refusal. */
    private static void guarded(String label, FileChannel channel, IoAction action) {
        try {
            action.run();
        } catch (PackageException | CancellationException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw PackageException.of(PackageProblem.READ_ERROR, label, e.getClass().getSimpleName(), e.getMessage(), e);
        } catch (RuntimeException e) {
            // Never let a surprise escape as anything but a refusal; the cause shows what it was.
            closeQuietly(channel);
            throw PackageException.of(PackageProblem.DAMAGED, label, PackagePart.INTERNAL,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    /** One verification run. */
    private static final class Check {
        private final FileChannel channel;
        private final String label;
        private final Limits limits;
        private final Map<String, ZipEntryInfo> entries = new LinkedHashMap<>();
        private Manifest manifest;

        Check(FileChannel channel, String label, Limits limits) {
            this.channel = channel;
            this.label = label;
            this.limits = limits;
        }

        void runHead(Map<String, PublicKey> trusted) throws IOException {
            ZipLayout layout = ZipLayout.read(channel, label, limits);
            EntryNames.check(layout.entries());
            declaredCaps(layout.entries());
            List<ZipEntryInfo> list = layout.checkLocalHeaders();
            list.forEach(e -> entries.put(e.name(), e));

            ZipEntryInfo manifestEntry = require(ManifestCodec.MANIFEST, PackageProblem.MISSING_MANIFEST);
            ZipEntryInfo sigEntry = require(ManifestCodec.SIGNATURE, PackageProblem.MISSING_SIGNATURE);
            byte[] manifestBytes = readSmall(manifestEntry, limits.maxManifestBytes());
            byte[] signature = readSmall(sigEntry, MAX_SIGNATURE_BYTES);
            manifest = signedManifest(manifestBytes, signature, trusted);
            matchManifest(list);
        }

        private ZipEntryInfo require(String name, PackageProblem missing) {
            ZipEntryInfo e = entries.get(name);
            if (e == null) {
                throw PackageException.of(missing, name, label, "");
            }
            return e;
        }

        /** Caps on the sizes the central directory declares: an early refusal, before anything is inflated. */
        private void declaredCaps(List<ZipEntryInfo> list) {
            long total = 0;
            for (ZipEntryInfo e : list) {
                if (e.size() > limits.maxEntryBytes()) {
                    throw PackageException.of(PackageProblem.ENTRY_TOO_LARGE, e.name(), e.size(), limits.maxEntryBytes());
                }
                total += e.size();
                if (total > limits.maxTotalBytes()) {
                    throw PackageException.of(PackageProblem.TOTAL_TOO_LARGE, e.name(), total, limits.maxTotalBytes());
                }
                long ratio = e.size() / Math.max(1, e.compressedSize());
                if (e.size() > limits.ratioFloorBytes() && ratio >= limits.maxCompressionRatio()) {
                    throw PackageException.of(PackageProblem.COMPRESSION_RATIO, e.name(), ratio, limits.maxCompressionRatio());
                }
            }
        }

        private byte[] readSmall(ZipEntryInfo e, int max) throws IOException {
            if (e.size() > max) {
                throw PackageException.of(PackageProblem.ENTRY_TOO_LARGE, e.name(), e.size(), max);
            }
            try (EntryStream in = new EntryStream(channel, e, limits, new EntryStream.Total(Progress.NONE, 0))) {
                byte[] bytes = in.readNBytes(max + 1);
                in.drain();
                return bytes; // no CRC check: the signature is the integrity check of both
            }
        }

        /**
         * The manifest, once its signature verifies. The format version is checked first (a later version may sign
         * differently), then the signer, then the signature; only then is manifest.json parsed in full and checked
         * against its schema. Version and signer are read by streaming, so an unsigned manifest is never built into a
         * tree. When they cannot be read, the signature decides what to report: if no trusted signer signed these
         * bytes, they were damaged or forged, and that is what the officer needs to hear.
         */
        private Manifest signedManifest(byte[] bytes, byte[] signature, Map<String, PublicKey> trusted) {
            StrictJson.Peek peek = StrictJson.peekManifest(bytes);
            JsonNode version = peek == null ? null : peek.formatVersion();
            if (version != null && !(version.isNumber() && version.decimalValue().compareTo(
                    java.math.BigDecimal.valueOf(Manifest.FORMAT_VERSION)) == 0)) {
                throw PackageException.of(PackageProblem.UNKNOWN_VERSION, ManifestCodec.MANIFEST, version.asText(),
                        Manifest.FORMAT_VERSION);
            }
            String signer = peek == null ? null : peek.signerKeyId();
            if (signer != null) {
                PublicKey key = trusted.get(signer);
                if (key == null) {
                    throw PackageException.of(PackageProblem.UNKNOWN_SIGNER, ManifestCodec.MANIFEST, signer, "");
                }
                if (!Sm2.verify(key, bytes, signature)) {
                    throw PackageException.of(PackageProblem.BAD_SIGNATURE, ManifestCodec.SIGNATURE, signer, "");
                }
            } else if (trusted.values().stream().noneMatch(k -> Sm2.verify(k, bytes, signature))) {
                throw PackageException.of(PackageProblem.BAD_SIGNATURE, ManifestCodec.SIGNATURE, "", "");
            }
            return ManifestCodec.read(bytes, StrictJson.parse(bytes, bytes.length, ManifestCodec.MANIFEST, 0));
        }

        /**
         * The archive holds manifest.json, manifest.sig and exactly the manifest's entries, in that order, each with
         * the size the manifest lists.
         */
        private void matchManifest(List<ZipEntryInfo> list) {
            Map<String, ManifestEntry> listed = new LinkedHashMap<>();
            manifest.entries().forEach(e -> listed.put(e.path(), e));
            for (ZipEntryInfo e : list) {
                boolean own = e.name().equals(ManifestCodec.MANIFEST) || e.name().equals(ManifestCodec.SIGNATURE);
                if (!own && !listed.containsKey(e.name())) {
                    throw PackageException.of(PackageProblem.EXTRA_ENTRY, e.name(), "", "");
                }
            }
            for (ManifestEntry m : manifest.entries()) {
                ZipEntryInfo e = entries.get(m.path());
                if (e == null) {
                    throw PackageException.of(PackageProblem.MISSING_ENTRY, m.path(), "", "");
                }
                if (e.size() != m.size()) {
                    throw PackageException.of(PackageProblem.SIZE_MISMATCH, m.path(), e.size(), m.size());
                }
            }
            int i = 0;
            for (String expected : expectedOrder()) {
                if (!list.get(i).name().equals(expected)) {
                    throw PackageException.of(PackageProblem.ENTRY_ORDER, list.get(i).name(), i + 1, expected);
                }
                i++;
            }
        }

        private List<String> expectedOrder() {
            List<String> order = new java.util.ArrayList<>();
            order.add(ManifestCodec.MANIFEST);
            order.add(ManifestCodec.SIGNATURE);
            manifest.entries().forEach(e -> order.add(e.path()));
            return order;
        }

        /** Streams every entry once: records through the scanner, attachments through the digest. */
        private void readContent(Progress progress, VerifiedPackage pkg) throws IOException {
            long expected = manifest.entries().stream().mapToLong(ManifestEntry::size).sum();
            EntryStream.Total total = new EntryStream.Total(progress, expected);
            RecordScanner.Context ctx = new RecordScanner.Context(manifest);
            boolean recordsDone = false;
            for (ManifestEntry m : manifest.entries()) {
                boolean attachment = m.path().startsWith(ManifestCodec.ATTACHMENT_PREFIX);
                if (attachment && !recordsDone) {
                    ctx.finish();
                    recordsDone = true;
                }
                try (EntryStream in = new EntryStream(channel, entries.get(m.path()), limits, total)) {
                    if (attachment) {
                        in.drain();
                        RecordScanner.integrity(in, m);
                    } else {
                        RecordType type = RecordType.byEntryPath(m.path()).orElseThrow();
                        RecordFeed feed = pkg.feed(type);
                        RecordScanner.scan(in, type, m, ctx, limits, feed == null ? null : feed::offer);
                        if (feed != null) {
                            feed.complete();
                        }
                    }
                }
            }
            if (!recordsDone) {
                ctx.finish();
            }
            total.done();
        }
    }
}
