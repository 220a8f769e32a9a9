package org.trustbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Watches the heap: the largest heap in use right after any collection (as the collector reports it: an upper bound
 * of the live set, what the process really needs) and, sampled every 10 ms, the largest heap in use at all.
 */
public final class HeapProbe implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxAfterGc;
    private volatile long maxUsed;

    private final List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();
    private final javax.management.NotificationListener listener = (n, h) -> afterGc(n);

    public HeapProbe() {
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
        while (running) {
            sample();
            try {
                Thread.sleep(10);
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

    /** Largest sum over heap pools of the usage after their last collection, in bytes. */
    public long maxAfterGc() {
        sample();
        return maxAfterGc;
    }

    /** Largest heap in use, garbage included, in bytes. */
    public long maxUsed() {
        return maxUsed;
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
