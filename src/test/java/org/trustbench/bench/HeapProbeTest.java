package org.trustbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live heap the bench reports counts what is held, not what died since the last collection of the old generation.
 * Measured in a JVM of its own (as the bench's children are): the test JVM's heap also holds whatever earlier tests
 * left behind, which moved the figures by tens of megabytes between runs.
 */
class HeapProbeTest {

    private static final int MB = 1024 * 1024;

    @Test
    void liveHeapCountsWhatIsHeldAndNotWhatDied() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "finishes");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("held and died as expected"), out);
    }

    /** Runs in the child JVM; exits non-zero with the reason when the probe is wrong. */
    static final class Child {
        public static void main(String[] args) throws InterruptedException {
            long before;
            try (HeapProbe idle = new HeapProbe()) {
                before = idle.maxLive();
                require(idle.forcedCollections() == 1, "one forced collection when idle: " + idle.forcedCollections());
            }
            byte[][] held = new byte[48][];
            try (HeapProbe probe = new HeapProbe(Duration.ofMillis(20))) {
                for (int i = 0; i < held.length; i++) {
                    held[i] = new byte[MB];
                }
                while (probe.forcedCollections() < 2) {
                    Thread.sleep(5);
                }
                long live = probe.maxLive();
                require(live >= before + 40L * MB, live + " after holding 48 MB, " + before + " before");
                require(probe.stalledNanos() > 0, "stalled time counted");
                require(probe.stopEvents() % 2 == 0, "stop events in pairs: " + probe.stopEvents());
            }
            require(held[held.length - 1].length == MB, "held to the end");
            held = null;
            try (HeapProbe probe = new HeapProbe(Duration.ofMillis(20))) {
                long sink = 0;
                for (int i = 0; i < 400; i++) {
                    byte[] garbage = new byte[MB];
                    sink += garbage.length;
                }
                while (probe.forcedCollections() < 2) {
                    Thread.sleep(5);
                }
                require(sink == 400L * MB, "allocated");
                long live = probe.maxLive();
                require(live < before + 40L * MB, live + " after 400 MB of garbage, " + before + " before");
            }
            System.out.println("held and died as expected");
        }

        private static void require(boolean ok, String what) {
            if (!ok) {
                System.out.println("FAILED: " + what);
                System.exit(1);
            }
        }
    }
}
