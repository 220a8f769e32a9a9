package org.trustbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Import throughput against the plain-JDBC baseline, peak heap at three sizes (each import in a child JVM capped at
 * 512 MB), and, when a window can be shown, the FX pulse gap while the largest import runs in the background (every
 * size then runs with the window, so the heap rows compare like with like).
 */
final class ImportMetrics {

    static final String THROUGHPUT = "import of an inbound package";
    static final String PULSE = "FX pulse gap during a background import";

    private final BenchSubject subject;
    private final BenchRunner.Options o;
    private final Consumer<String> log;
    private boolean storeReady;

    ImportMetrics(BenchSubject subject, BenchRunner.Options options, Consumer<String> log) {
        this.subject = subject;
        this.o = options;
        this.log = log;
    }

    boolean storeReady() {
        return storeReady;
    }

    List<Metric> run(int[] sizes, Path[] packages, Path store) {
        List<Metric> out = new ArrayList<>();
        double[] heapMb = new double[3];
        Map<String, Object> largest = null;
        String largestError = null;
        for (int i = 0; i < 3; i++) {
            boolean last = i == 2;
            Path target = last ? store : o.work().resolve("store-" + sizes[i]);
            // Every size in the same mode, so the heap rows compare like with like (the window's toolkit included).
            String mode = FxMetrics.windowAvailable(o) ? "import-fx" : "import";
            log.accept("importing " + sizes[i] + " cases in a child JVM (" + mode + ")");
            try {
                Map<String, Object> r = ChildJvm.run(subject.childCommand(), FxMetrics.jvmFlags(o, "-Xmx512m"),
                        List.of("bench", "--child", mode, "--child-store", target.toString(), "--child-package",
                                packages[i].toString()), o.work(), FxMetrics.env(o), 600);
                heapMb[i] = ((Number) r.get("maxLiveBytes")).doubleValue() / BenchRunner.MB;
                log.accept("  " + r);
                out.add(new Metric("peak heap during import, N=" + sizes[i], "MB", heapMb[i], null,
                        i == 0 ? null : heapMb[i] / heapMb[0], "<= 512 MB, flat in N", heapMb[i] <= 512,
                        String.format(Locale.ROOT, "largest live heap (after full GCs forced every >= %d s: %s); "
                                        + "after young GCs up to %.0f MB, garbage included %.0f MB; ratio = vs N=%d",
                                HeapProbe.LIVE_EVERY.toSeconds(), r.get("forcedGcs"),
                                ((Number) r.get("maxAfterGcBytes")).doubleValue() / BenchRunner.MB,
                                ((Number) r.get("maxUsedBytes")).doubleValue() / BenchRunner.MB, sizes[0])));
                if (last) {
                    largest = r;
                    storeReady = true;
                }
            } catch (RuntimeException e) {
                log.accept("  failed: " + e.getMessage());
                out.add(Metric.notMeasured("peak heap during import, N=" + sizes[i], "MB", "<= 512 MB, flat in N",
                        "not measured: " + e.getMessage()));
                if (last) {
                    largestError = e.getMessage();
                }
            }
        }
        int n = sizes[2];
        double baseline = baseline(packages[2]);
        if (largest != null) {
            double ours = n / (((Number) largest.get("importMs")).doubleValue() / 1000);
            out.add(0, new Metric(THROUGHPUT, "cases/s", ours, baseline, ours / baseline, "ratio >= 0.5",
                    ours / baseline >= 0.5, "verify, parse, validate, insert, run rules; baseline = plain JDBC batches, "
                    + "no verification"));
            Object gap = largest.get("maxPulseGapMs");
            out.add(gap == null ? Metric.notMeasured(PULSE, "ms", "<= 100 ms", FxMetrics.noWindowReason(o))
                    : new Metric(PULSE, "ms", ((Number) gap).doubleValue(), null, null, "<= 100 ms",
                    ((Number) gap).doubleValue() <= 100, largest.get("pulses") + " pulses during the import of " + n
                    + " cases" + FxMetrics.displayNote(o)));
        } else {
            out.add(0, new Metric(THROUGHPUT, "cases/s", null, baseline, null, "ratio >= 0.5", null,
                    "not measured: " + largestError));
            out.add(Metric.notMeasured(PULSE, "ms", "<= 100 ms", "not measured: " + largestError));
        }
        return out;
    }

    private double baseline(Path pkg) {
        Path folder = o.work().resolve("store-baseline");
        try (BenchSubject.Store s = subject.open(folder)) {
            long t = System.nanoTime();
            long cases = s.withConnection(c -> ImportBaseline.run(c, pkg));
            double seconds = Stats.millisSince(t) / 1000;
            log.accept(String.format(Locale.ROOT, "baseline inserted %d cases in %.1f s", cases, seconds));
            return cases / seconds;
        }
    }
}
