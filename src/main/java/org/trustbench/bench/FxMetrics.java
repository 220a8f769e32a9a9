package org.trustbench.bench;

import java.io.IOException;
import java.nio.file.Files;
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
    /** What the shipped application starts with on the JVM that runs the bench. */
    private final StartArchive startArchive = StartArchive.forThisJvm();

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
     * Both children start as the shipped application does (ADR 0008, ADR 0010): on a JDK 25 or later (the packages'
     * runtime) with an AOT cache, on an older JDK with an AppCDS archive. The bench makes one for its own class path
     * first, at the exit of an unmeasured training run of ours, and runs the minimal window and ours with it, same
     * flags; when none is written both run without one. The medians without it are measured too and given in the note.
     */
    Metric coldStart(Path store) {
        String name = "cold start to first queue frame";
        if (!windowAvailable(o)) {
            return Metric.notMeasured(name, "ms", "<= 1.5x minimal window", noWindowReason(o));
        }
        Paired plain = paired(store, List.of());
        List<String> cache = writeStartArchive(store);
        Paired measured = cache.isEmpty() ? plain : paired(store, cache);
        double ratio = measured.ours() / measured.baseline();
        return new Metric(name, "ms", measured.ours(), measured.baseline(), ratio, "<= 1.5x minimal window", ratio <= 1.5,
                String.format(Locale.ROOT, "Java %d; %s; medians of %d child JVMs each, minimal and ours alternating, same "
                        + "flags (ratios of the pairs %.2f-%.2fx); ours runs the app's start path (window, store opened in "
                        + "the background, workbench) until the queue shows rows; without %s: %.0f vs %.0f ms, %.2fx%s",
                        Runtime.version().feature(),
                        cache.isEmpty() ? "no " + startArchive.label + " (not written)" : "with an " + startArchive.label
                                + " of the bench's class path",
                        measured.runs(), measured.lowestRatio(), measured.highestRatio(), startArchive.label, plain.ours(),
                        plain.baseline(), plain.ours() / plain.baseline(), displayNote(o)));
    }

    /** The medians of the minimal window's and our first frames, and the range of the ratios of each pair. */
    private record Paired(int runs, double baseline, double ours, double lowestRatio, double highestRatio) {
    }

    /**
     * Starts the minimal window and ours in turn, {@code runs} times each: a pair runs under the same conditions, so a
     * machine whose load drifts during the metric moves both sides alike (a block of one then a block of the other
     * would put the drift into the ratio).
     */
    private Paired paired(Path store, List<String> archive) {
        int runs = o.quick() ? 1 : 5;
        double[] baseline = new double[runs];
        double[] ours = new double[runs];
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int i = 0; i < runs; i++) {
            baseline[i] = firstFrame("fx-minimal", store, archive);
            ours[i] = firstFrame("fx-queue", store, archive);
            lowest = Math.min(lowest, ours[i] / baseline[i]);
            highest = Math.max(highest, ours[i] / baseline[i]);
        }
        return new Paired(runs, Stats.percentile(baseline, 50), Stats.percentile(ours, 50), lowest, highest);
    }

    /** What the shipped application starts with on this JVM: an AOT cache from JDK 25 on, else an AppCDS archive. */
    enum StartArchive {
        AOT_CACHE("AOT cache", "bench.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=",
                List.of("-Xlog:aot=off", "-Xlog:cds=off")),
        APP_CDS("AppCDS archive", "bench-cds.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=",
                List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));

        final String label;
        final String file;
        final String write;
        final String use;
        final List<String> quiet;

        StartArchive(String label, String file, String write, String use, List<String> quiet) {
            this.label = label;
            this.file = file;
            this.write = write;
            this.use = use;
            this.quiet = quiet;
        }

        static StartArchive forThisJvm() {
            return Runtime.version().feature() >= 25 ? AOT_CACHE : APP_CDS;
        }
    }

    /** The flags that use a cache written at the exit of a training run of ours, or none if none was written. */
    private List<String> writeStartArchive(Path store) {
        Path archive = o.work().resolve(startArchive.file);
        try {
            Files.deleteIfExists(archive);
            List<String> dump = new ArrayList<>(startArchive.quiet);
            dump.add(startArchive.write + archive);
            run("fx-queue", store, dump);
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                List<String> use = new ArrayList<>(startArchive.quiet);
                use.add(startArchive.use + archive);
                return use;
            }
        } catch (IOException | RuntimeException e) {
            log.accept("  " + startArchive.label + " not written: " + e.getMessage());
        }
        return List.of();
    }

    private double firstFrame(String mode, Path store, List<String> archive) {
        Map<String, Object> r = run(mode, store, archive);
        log.accept("  " + mode + (archive.isEmpty() ? "" : " (" + startArchive.label + ")") + ": " + r);
        return ((Number) r.get("firstFrameMs")).doubleValue();
    }

    private Map<String, Object> run(String mode, Path store, List<String> archive) {
        List<String> flags = new ArrayList<>(archive);
        flags.add("-Xmx512m");
        return ChildJvm.run(subject.childCommand(), jvmFlags(o, flags.toArray(String[]::new)),
                List.of("bench", "--child", mode, "--child-store", store.toString()), o.work(), env(o), 10);
    }
}
