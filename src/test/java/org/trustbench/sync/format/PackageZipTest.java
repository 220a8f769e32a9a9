package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZIP that {@link PackageZip} assembles from entries deflated beforehand is, byte for byte, the one
 * {@code java.util.zip.ZipOutputStream} writes when it deflates the same content itself (as the writer did before).
 */
class PackageZipTest {

    @TempDir
    Path tmp;

    @Test
    void sameBytesAsZipOutputStream() throws Exception {
        byte[] manifest = EntryFileTest.text(3_000, 7);
        byte[] signature = new byte[64];
        new Random(8).nextBytes(signature);
        byte[] decisions = EntryFileTest.text(EntryFile.CHUNK * 5 + 999, 9); // several chunks on the entry's own thread
        byte[] signoffs = EntryFileTest.text(1_234, 10);
        byte[] empty = new byte[0];
        byte[] attachment = new byte[100_000];
        new Random(11).nextBytes(attachment);

        List<PackageZip.Part> parts = new ArrayList<>();
        List<Object[]> reference = new ArrayList<>();
        int i = 0;
        for (byte[] records : List.of(decisions, empty, signoffs)) {
            String path = "records/type" + i++ + ".jsonl";
            Path file = tmp.resolve(path.replace('/', '-'));
            EntryFile out = new EntryFile(file);
            out.write(records, 0, records.length);
            out.close();
            parts.add(new PackageZip.Part(path, file, out.size(), out.crc(), true, out.compressedSize()));
            reference.add(new Object[] {path, records, true});
        }
        Path stored = tmp.resolve("attachment.bin");
        Files.write(stored, attachment);
        String attachmentPath = ManifestCodec.ATTACHMENT_PREFIX + "ab".repeat(32);
        parts.add(new PackageZip.Part(attachmentPath, stored, attachment.length, crc(attachment), false, attachment.length));
        reference.add(new Object[] {attachmentPath, attachment, false});

        Path ours = tmp.resolve("ours.zip");
        Files.createFile(ours);
        List<Long> progress = new ArrayList<>();
        PackageZip.write(ours, manifest, signature, parts, (done, total) -> progress.add(done));
        Path theirs = tmp.resolve("theirs.zip");
        zipOutputStream(theirs, manifest, signature, reference);

        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
        try (ZipFile zip = new ZipFile(ours.toFile())) {
            try (InputStream in = zip.getInputStream(zip.getEntry("records/type0.jsonl"))) {
                assertArrayEquals(decisions, in.readAllBytes());
            }
            assertEquals(6, zip.size());
        }
        assertTrue(progress.get(progress.size() - 1) > 0);
    }

    /** The writer's ZIP before entries were deflated beforehand: ZipOutputStream at the fastest level. */
    private static void zipOutputStream(Path file, byte[] manifest, byte[] signature, List<Object[]> parts) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, ManifestCodec.MANIFEST, manifest, true);
            put(zip, ManifestCodec.SIGNATURE, signature, false);
            for (Object[] p : parts) {
                put(zip, (String) p[0], (byte[]) p[1], (Boolean) p[2]);
            }
            zip.finish();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, boolean deflate) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(LocalDateTime.of(2000, 1, 1, 0, 0));
        e.setMethod(deflate ? ZipEntry.DEFLATED : ZipEntry.STORED);
        if (!deflate) {
            e.setSize(content.length);
            e.setCompressedSize(content.length);
            e.setCrc(crc(content));
        }
        zip.putNextEntry(e);
        for (int at = 0; at < content.length; at += 1 << 16) { // as the old writer copied its temporary files
            zip.write(content, at, Math.min(1 << 16, content.length - at));
        }
        zip.closeEntry();
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }
}
