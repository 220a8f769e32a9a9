package org.trustbench.sync.format;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Assembles the ZIP of a package from its prepared parts, in entry order, and forces it to disk. Every entry gets the
 * same local time, 2000-01-01 00:00, stored as DOS time only, so the bytes do not depend on the time zone. Entries are
 * deflated at the fastest level: the export's throughput matters more than a smaller file.
 *
 * <p>The records entries arrive already deflated (their {@link EntryFile} deflates them while they are written), so
 * this only copies their bytes. The layout is exactly what {@code java.util.zip.ZipOutputStream} writes for the same
 * entries (UTF-8 name flag; deflated entries with a data descriptor, stored ones with sizes and CRC in the local
 * header; no extra fields; no comments); {@code PackageZipTest} compares the two byte for byte.
 */
final class PackageZip {

    /** 2000-01-01 00:00 as an MS-DOS date and time: (2000 - 1980) << 25 | month 1 << 21 | day 1 << 16. */
    static final int ENTRY_DOS_TIME = (2000 - 1980) << 25 | 1 << 21 | 1 << 16;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int UTF8_NAMES = 0x800;
    private static final int DESCRIPTOR = 0x08;
    private static final long MAX_32 = 0xFFFFFFFFL;

    /**
     * One entry's content in a temporary file: {@code size} bytes with CRC-32 {@code crc}; if {@code deflated}, the file
     * holds their raw deflate stream ({@link #deflater()}), {@code compressedSize} bytes, else the bytes themselves.
     */
    record Part(String path, Path file, long size, long crc, boolean deflated, long compressedSize) {
    }

    /** The deflater of every deflated entry: fastest level, raw stream (no zlib header), as ZIP wants it. */
    static Deflater deflater() {
        return new Deflater(Deflater.BEST_SPEED, true); // JSON Lines still shrink several-fold; level 6 costs ~3x the time
    }

    private record Central(byte[] name, int method, long crc, long compressedSize, long size, long offset) {
    }

    private PackageZip() {
    }

    static void write(Path zipFile, byte[] manifest, byte[] signature, List<Part> parts, Progress progress)
            throws IOException {
        long total = manifest.length + signature.length
                + parts.stream().mapToLong(p -> p.deflated() ? p.compressedSize() : p.size()).sum();
        long done = 0;
        try (FileChannel channel = FileChannel.open(zipFile, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            Out out = new Out(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            byte[] deflatedManifest = deflate(manifest);
            out.entry(ManifestCodec.MANIFEST, DEFLATED, crc(manifest), deflatedManifest.length, manifest.length);
            out.bytes(deflatedManifest, deflatedManifest.length);
            out.endEntry();
            out.entry(ManifestCodec.SIGNATURE, STORED, crc(signature), signature.length, signature.length);
            out.bytes(signature, signature.length);
            out.endEntry();
            done += manifest.length + signature.length;
            byte[] buf = new byte[1 << 16];
            for (Part p : parts) {
                long length = p.deflated() ? p.compressedSize() : p.size();
                if (Files.size(p.file()) != length) {
                    throw new IllegalStateException(p.path() + ": its temporary file does not hold " + length + " bytes");
                }
                out.entry(p.path(), p.deflated() ? DEFLATED : STORED, p.crc(), length, p.size());
                try (InputStream in = Files.newInputStream(p.file())) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        out.bytes(buf, n);
                        done += n;
                        progress.update(done, total);
                    }
                }
                out.endEntry();
            }
            out.centralDirectory();
            out.stream.flush();
            channel.force(true);
        }
        progress.update(total, total);
    }

    /** {@code content} as one raw deflate stream. */
    static byte[] deflate(byte[] content) {
        Deflater d = deflater();
        try {
            d.setInput(content);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    /** The ZIP's bytes: local headers, data, data descriptors, then the central directory and its end record. */
    private static final class Out {
        private final OutputStream stream;
        private final List<Central> entries = new ArrayList<>();
        private long written;
        private Central current;

        Out(OutputStream stream) {
            this.stream = stream;
        }

        void entry(String path, int method, long crc, long compressedSize, long size) throws IOException {
            if (compressedSize >= MAX_32 || size >= MAX_32 || written >= MAX_32) {
                throw new IllegalStateException("a package has no ZIP64: " + path + " is too large");
            }
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            current = new Central(name, method, crc, compressedSize, size, written);
            entries.add(current);
            int32(0x04034b50);
            int16(version(method));
            int16(flags(method));
            int16(method);
            int32(ENTRY_DOS_TIME);
            if (method == DEFLATED) { // sizes and CRC follow the data, in its descriptor
                int32(0);
                int32(0);
                int32(0);
            } else {
                int32(crc);
                int32(compressedSize);
                int32(size);
            }
            int16(name.length);
            int16(0); // no extra field
            bytes(name, name.length);
        }

        void endEntry() throws IOException {
            if (written - current.offset() - 30 - current.name().length != current.compressedSize()) {
                throw new IllegalStateException(new String(current.name(), StandardCharsets.UTF_8) + ": wrong length");
            }
            if (current.method() == DEFLATED) {
                int32(0x08074b50);
                int32(current.crc());
                int32(current.compressedSize());
                int32(current.size());
            }
            current = null;
        }

        void centralDirectory() throws IOException {
            long start = written;
            for (Central e : entries) {
                int32(0x02014b50);
                int16(version(e.method())); // made by
                int16(version(e.method())); // needed to extract
                int16(flags(e.method()));
                int16(e.method());
                int32(ENTRY_DOS_TIME);
                int32(e.crc());
                int32(e.compressedSize());
                int32(e.size());
                int16(e.name().length);
                int16(0); // extra field
                int16(0); // comment
                int16(0); // disk
                int16(0); // internal attributes
                int32(0); // external attributes
                int32(e.offset());
                bytes(e.name(), e.name().length);
            }
            long length = written - start;
            if (written >= MAX_32) {
                throw new IllegalStateException("a package has no ZIP64: it is too large");
            }
            int32(0x06054b50);
            int16(0); // this disk
            int16(0); // the central directory's disk
            int16(entries.size());
            int16(entries.size());
            int32(length);
            int32(start);
            int16(0); // no archive comment
        }

        private static int version(int method) {
            return method == DEFLATED ? 20 : 10;
        }

        private static int flags(int method) {
            return method == DEFLATED ? UTF8_NAMES | DESCRIPTOR : UTF8_NAMES;
        }

        void bytes(byte[] b, int n) throws IOException {
            stream.write(b, 0, n);
            written += n;
        }

        private void int16(int v) throws IOException {
            stream.write(v & 0xff);
            stream.write((v >>> 8) & 0xff);
            written += 2;
        }

        private void int32(long v) throws IOException {
            int16((int) (v & 0xffff));
            int16((int) ((v >>> 16) & 0xffff));
        }
    }
}
