package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat as packages grow: a JVM with a 32 MiB heap writes and verifies a package whose records are
 * more than twice its heap (about 80 MB), streaming every record through once on each side.
 */
class PackageMemoryTest {

    static final int RECORDS = 120_000;

    @TempDir
    Path tmp;

    @Test
    void largePackageInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                SmallHeap.class.getName(), tmp.toString(), String.valueOf(RECORDS)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finishes");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("verified " + RECORDS + " records"), out);
        System.out.println(out.strip());
    }

    /** Runs in the child JVM. */
    static final class SmallHeap {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int n = Integer.parseInt(args[1]);
            Path file = dir.resolve("large.zip");
            try (PackageWriter w = PackageWriter.create(file, Fixtures.WORKSTATION.getPrivate(), Fixtures.outboundHeader(1, n))) {
                w.writeRecords(RecordType.DECISION, new Iterator<JsonNode>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < n;
                    }

                    @Override
                    public JsonNode next() {
                        i++;
                        return Fixtures.decision(i, "BA-310115-2026-" + String.format("%06d", i));
                    }
                });
                w.finish();
            }
            long[] count = {0};
            long[] lastSeq = {0};
            try (VerifiedPackage p = PackageVerifier.verify(file, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT)) {
                long bytes = p.manifest().entries().get(0).size();
                if (bytes < 2L * Runtime.getRuntime().maxMemory()) {
                    throw new AssertionError("records (" + bytes + " bytes) should dwarf the heap");
                }
                p.forEachRecord(RecordType.DECISION, r -> {
                    count[0]++;
                    lastSeq[0] = r.json().get("seq").asLong();
                });
            }
            if (lastSeq[0] != n) {
                throw new AssertionError("last seq " + lastSeq[0]);
            }
            String report = "verified " + count[0] + " records, " + Files.size(file) + " bytes zipped, heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
            System.out.println(report); // the parent reads this line
        }
    }
}
