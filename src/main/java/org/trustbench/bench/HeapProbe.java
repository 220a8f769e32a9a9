package org.trustbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;

/**
 * Watches the heap: the live heap, the largest heap in use right after any collection, and the largest heap in use at
 * all (sampled every 10 ms).
 *
 * <p>The live heap is what a process really needs. With G1 a young collection does not collect the old generation, so
 * the heap after a young collection also counts every promoted object that has died since the last concurrent cycle;
 * G1 starts that cycle only when the old generation reaches a share of the (growing) heap, so the longer a run, the
 * more dead data such a reading holds (measured on a 10,000-case import: 119 MB after a young collection, 37 MB live a
 * moment later). The probe therefore forces a full collection every {@code liveEvery} (or nine times the last one's
 * pause, if longer, so that it never takes more than a tenth of the run) and keeps the largest heap in use after it;
 * the time those collections stop the application is kept ({@link #stalledNanos()}) so that timings can leave it out.
 */
public final class HeapProbe implements AutoCloseable {

    /** How often the bench's import children force a full collection to read the live heap. */
    public static final Duration LIVE_EVERY = Duration.ofSeconds(2);

    private static final long SAMPLE_MS = 10;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final long liveEveryNanos;
    private final Object liveLock = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxAfterGc;
    private volatile long maxUsed;
    private volatile long maxLive;
    private volatile long stopEvents;
    private volatile long stalledNanos;

    private final List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();
    private final javax.management.NotificationListener listener = (n, h) -> afterGc(n);

    /** A probe that never forces a collection ({@link #maxLive()} then only sees collections the JVM chose to run). */
    public HeapProbe() {
        this(null);
    }

    /** @param liveEvery how often to force a full collection and read the live heap; {@code null} for never */
    public HeapProbe(Duration liveEvery) {
        this.liveEveryNanos = liveEvery == null ? Long.MAX_VALUE : liveEvery.toNanos();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
        thread = new Thread(this::loop, "bench-heap-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Heap in use right after each collection, as the collector reports it. */
    private void afterGc(javax.management.Notification n) {
        if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                (javax.management.openmbean.CompositeData) n.getUserData());
        long after = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (pools.stream().anyMatch(p -> p.getName().equals(e.getKey()))) {
                after += e.getValue().getUsed();
            }
        }
        long a = after;
        synchronized (this) {
            maxAfterGc = Math.max(maxAfterGc, a);
        }
    }

    private void loop() {
        long nextLive = System.nanoTime() + liveEveryNanos;
        while (running) {
            sample();
            if (System.nanoTime() - nextLive >= 0) {
                long stall = sampleLive();
                // At least nine times the last collection's stop between two: the probe never takes more than a
                // tenth of the run, however loaded the machine.
                nextLive = System.nanoTime() + Math.max(liveEveryNanos, 9 * stall);
            }
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sample() {
        long afterGc = 0;
        long used = 0;
        for (MemoryPoolMXBean p : pools) {
            var collected = p.getCollectionUsage();
            afterGc += collected == null ? 0 : collected.getUsed();
            used += p.getUsage().getUsed();
        }
        synchronized (this) {
            maxAfterGc = Math.max(maxAfterGc, afterGc);
        }
        maxUsed = Math.max(maxUsed, used);
    }

    /**
     * Forces a full collection and records the heap it left in use (the heap pools' usage after that collection, as
     * the collector reports it: what other threads allocate once it has ended is not counted, as reading the heap's
     * usage after it would count it); returns how long it stopped, in ns.
     */
    private long sampleLive() {
        synchronized (liveLock) {
            stopEvents++;
            long t = System.nanoTime();
            System.gc();
            long live = 0;
            for (MemoryPoolMXBean p : pools) {
                var collected = p.getCollectionUsage();
                live += collected == null ? 0 : collected.getUsed();
            }
            long stall = System.nanoTime() - t;
            stalledNanos += stall;
            stopEvents++;
            maxLive = Math.max(maxLive, live);
            return stall;
        }
    }

    /** Largest sum over heap pools of the usage after their last collection (young ones included), in bytes. */
    public long maxAfterGc() {
        sample();
        return maxAfterGc;
    }

    /** Largest heap in use, garbage included, in bytes. */
    public long maxUsed() {
        return maxUsed;
    }

    /**
     * Largest heap in use right after one of the full collections this probe forced, in bytes, taking one more now:
     * the peak live heap as far as the samples saw it.
     */
    public long maxLive() {
        sampleLive();
        return maxLive;
    }

    /**
     * Starts plus ends of the full collections forced so far: odd while one is under way, and a change tells a watcher
     * that the application was stopped meanwhile.
     */
    public long stopEvents() {
        return stopEvents;
    }

    /** Full collections forced so far. */
    public long forcedCollections() {
        return stopEvents / 2;
    }

    /** Time spent in the forced collections so far (the application stands still meanwhile), in nanoseconds. */
    public long stalledNanos() {
        return stalledNanos;
    }

    /** The heap in use after a full collection now, in bytes. */
    public static long liveNow() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        for (var e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
