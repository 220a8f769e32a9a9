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

    /**
     * Both children start as the shipped application does: with an AppCDS archive (ADR 0008). The bench dumps one
     * for its own class path first (a dynamic archive written at the exit of an unmeasured training run of ours), and
     * runs the minimal window and ours with it, same flags; without an archive (not written) both run without one.
     * The medians without the archive are measured too and given in the note.
     */
    Metric coldStart(Path store) {
        String name = "cold start to first queue frame";
        if (!windowAvailable(o)) {
            return Metric.notMeasured(name, "ms", "<= 1.5x minimal window", noWindowReason(o));
        }
        double plainBaseline = median("fx-minimal", store, List.of());
        double plainOurs = median("fx-queue", store, List.of());
        List<String> cds = cdsArchive(store);
        double baseline = cds.isEmpty() ? plainBaseline : median("fx-minimal", store, cds);
        double ours = cds.isEmpty() ? plainOurs : median("fx-queue", store, cds);
        double ratio = ours / baseline;
        return new Metric(name, "ms", ours, baseline, ratio, "<= 1.5x minimal window", ratio <= 1.5,
                String.format(Locale.ROOT, "%s; median of %d child JVMs each, same flags; ours runs the app's start path "
                        + "(window, store opened in the background, workbench) until the queue shows rows; without "
                        + "CDS: %.0f vs %.0f ms, %.2fx%s",
                        cds.isEmpty() ? "no AppCDS archive (dump failed)" : "with an AppCDS archive of the bench's class path",
                        o.quick() ? 1 : 3, plainOurs, plainBaseline, plainOurs / plainBaseline, displayNote(o)));
    }

    /** The flags that use an AppCDS archive dumped at the exit of a training run of ours, or none if none was written. */
    private List<String> cdsArchive(Path store) {
        Path archive = o.work().resolve("bench-cds.jsa");
        List<String> off = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        try {
            java.nio.file.Files.deleteIfExists(archive);
            List<String> dump = new ArrayList<>(off);
            dump.add("-XX:ArchiveClassesAtExit=" + archive);
            run("fx-queue", store, dump);
            if (java.nio.file.Files.size(archive) > 0) {
                List<String> use = new ArrayList<>(off);
                use.add("-XX:SharedArchiveFile=" + archive);
                return use;
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.accept("  AppCDS archive not written: " + e.getMessage());
        }
        return List.of();
    }

    private double median(String mode, Path store, List<String> cds) {
        int runs = o.quick() ? 1 : 3;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Map<String, Object> r = run(mode, store, cds);
            ms[i] = ((Number) r.get("firstFrameMs")).doubleValue();
            log.accept("  " + mode + (cds.isEmpty() ? "" : " (AppCDS)") + ": " + r);
        }
        return Stats.percentile(ms, 50);
    }

    private Map<String, Object> run(String mode, Path store, List<String> cds) {
        List<String> flags = new ArrayList<>(cds);
        flags.add("-Xmx512m");
        return ChildJvm.run(subject.childCommand(), jvmFlags(o, flags.toArray(String[]::new)),
                List.of("bench", "--child", mode, "--child-store", store.toString()), o.work(), env(o), 10);
    }
}
