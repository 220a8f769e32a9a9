package org.trustbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live heap the bench reports counts what is held, not what died since the last collection of the old generation. */
class HeapProbeTest {

    private static final int MB = 1024 * 1024;

    @Test
    void liveHeapCountsWhatIsHeldAndNotWhatDied() throws InterruptedException {
        long before;
        try (HeapProbe idle = new HeapProbe()) {
            before = idle.maxLive();
            assertEquals(1, idle.forcedCollections());
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
            assertTrue(live >= before + 40L * MB, live + " after holding 48 MB, " + before + " before");
            assertTrue(probe.stalledNanos() > 0);
            assertEquals(0, probe.stopEvents() % 2);
        }
        assertEquals(MB, held[held.length - 1].length);
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
            assertEquals(400L * MB, sink);
            long live = probe.maxLive();
            assertTrue(live < before + 40L * MB, live + " after 400 MB of garbage, " + before + " before");
        }
    }
}
