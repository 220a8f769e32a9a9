package org.trustbench.sync.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Assembles the ZIP of a package from its prepared parts, in entry order, and forces it to disk. Every entry gets the
 * same local time, 2000-01-01 00:00, stored as DOS time only, so the bytes do not depend on the time zone. Entries are
 * deflated at the fastest level: the export's throughput matters more than a smaller file.
 */
final class PackageZip {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** One entry's content, already in a temporary file with its size and CRC-32. */
    record Part(String path, Path file, long size, long crc, boolean deflate) {
    }

    private PackageZip() {
    }

    static void write(Path zipFile, byte[] manifest, byte[] signature, List<Part> parts, Progress progress)
            throws IOException {
        long total = manifest.length + signature.length + parts.stream().mapToLong(Part::size).sum();
        long done = 0;
        try (FileChannel channel = FileChannel.open(zipFile, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED); // JSON Lines still shrink several-fold; level 6 costs ~3x the time
            putBytes(zip, ManifestCodec.MANIFEST, manifest, ZipEntry.DEFLATED);
            putBytes(zip, ManifestCodec.SIGNATURE, signature, ZipEntry.STORED);
            byte[] buf = new byte[1 << 16];
            for (Part p : parts) {
                zip.putNextEntry(entry(p.path(), p.deflate() ? ZipEntry.DEFLATED : ZipEntry.STORED, p.size(), p.crc()));
                try (InputStream in = Files.newInputStream(p.file())) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        zip.write(buf, 0, n);
                        done += n;
                        progress.update(done, total);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            channel.force(true);
        }
        progress.update(total, total);
    }

    private static ZipEntry entry(String name, int method, long size, long crc) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        e.setMethod(method);
        if (method == ZipEntry.STORED) {
            e.setSize(size);
            e.setCompressedSize(size);
            e.setCrc(crc);
        }
        return e;
    }

    private static void putBytes(ZipOutputStream zip, String name, byte[] content, int method) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        zip.putNextEntry(entry(name, method, content.length, crc.getValue()));
        zip.write(content);
        zip.closeEntry();
    }
}
