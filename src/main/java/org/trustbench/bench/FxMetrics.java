package org.trustbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Window metrics: child JVMs under the current X display, or headless Monocle when there is none and it is present. */
final class FxMetrics {


    private final BenchSubject subject;
    private final BenchRunner.Options o;
    private final Consumer<String> log;

    FxMetrics(BenchSubject subject, BenchRunner.Options options, Consumer<String> log) {
        this.subject = subject;
        this.o = options;
        this.log = log;
    }

    static boolean windowAvailable(BenchRunner.Options o) {
        return o.display() != null || o.monocle();
    }

    static String noWindowReason(BenchRunner.Options o) {
        return "n/a: no display (set DISPLAY, e.g. run under xvfb-run)";
    }

    static String displayNote(BenchRunner.Options o) {
        return o.display() != null ? " (DISPLAY " + o.display() + ")" : " (headless Monocle, no display)";
    }

    static List<String> jvmFlags(BenchRunner.Options o, String... more) {
        List<String> flags = new ArrayList<>(List.of(more));
        if (o.display() == null && o.monocle()) {
            flags.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        return flags;
    }

    static Map<String, String> env(BenchRunner.Options o) {
        return o.display() == null ? Map.of() : Map.of("DISPLAY", o.display());
    }

    Metric coldStart(Path store) {
        String name = "cold start to first queue frame";
        if (!windowAvailable(o)) {
            return Metric.notMeasured(name, "ms", "<= 1.5x minimal window", noWindowReason(o));
        }
        double baseline = median("fx-minimal", store);
        double ours = median("fx-queue", store);
        double ratio = ours / baseline;
        return new Metric(name, "ms", ours, baseline, ratio, "<= 1.5x minimal window", ratio <= 1.5,
                String.format(Locale.ROOT, "median of %d child JVMs each, same flags; ours runs the app's start path "
                        + "(window, store opened in the background, workbench) until the queue shows rows%s", o.quick() ? 1 : 3, displayNote(o)));
    }

    private double median(String mode, Path store) {
        int runs = o.quick() ? 1 : 3;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Map<String, Object> r = ChildJvm.run(subject.childCommand(), jvmFlags(o, "-Xmx512m"),
                    List.of("bench", "--child", mode, "--child-store", store.toString()), o.work(), env(o), 10);
            ms[i] = ((Number) r.get("firstFrameMs")).doubleValue();
            log.accept("  " + mode + ": " + r);
        }
        return Stats.percentile(ms, 50);
    }
}
