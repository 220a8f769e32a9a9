package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.application.Application;
import org.trustbench.app.AppServices;
import org.trustbench.app.LaunchOptions;
import org.trustbench.app.Launcher;
import org.trustbench.app.TrustBenchApp;
import org.trustbench.bench.BenchReport;
import org.trustbench.bench.BenchRunner;
import org.trustbench.bench.BenchSubject;
import org.trustbench.bench.HeapProbe;
import org.trustbench.bench.fx.FxProbe;
import org.trustbench.caseq.QueueIndex;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseSummary;
import org.trustbench.review.ReviewService;
import org.trustbench.verify.CheckService;
import org.trustbench.sync.DemoPackageService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--cases N] [--seed S] [--quick] [--out FILE.json]}: the performance benchmark (docs/performance.md).
 * Builds its own temporary stores from generated data; never touches the user's stores. The hidden {@code --child}
 * options run one measurement in a child JVM started by the benchmark itself.
 */
@Command(name = "bench", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {

    /** Cases in a {@code --quick} run. */
    public static final int QUICK_CASES = 2000;

    @ParentCommand
    TrustBenchCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "100000", descriptionKey = "option.benchCases")
    int cases;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", descriptionKey = "option.generateSeed")
    long seed;

    @Option(names = "--quick", descriptionKey = "option.benchQuick")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE.json", descriptionKey = "option.benchOut")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", descriptionKey = "option.benchWork")
    Path work;

    @Option(names = "--child", hidden = true)
    String child;

    @Option(names = "--child-store", hidden = true)
    Path childStore;

    @Option(names = "--child-package", hidden = true)
    Path childPackage;

    @Option(names = "--child-result", hidden = true)
    Path childResult;

    @Override
    public Integer call() throws IOException {
        if (child != null) {
            return runChild();
        }
        int n = quick ? QUICK_CASES : cases;
        if (n < 8 || n > org.trustbench.synth.SyntheticCases.MAX_CASES) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    root.messages().get("cli.demo.generate.badCount", n, org.trustbench.synth.SyntheticCases.MAX_CASES));
        }
        boolean keep = work != null;
        Path dir = keep ? Files.createDirectories(work) : Files.createTempDirectory("trustbench-bench-");
        var printer = spec.commandLine().getOut();
        try {
            BenchRunner.Options options = new BenchRunner.Options(n, seed, quick, dir.toAbsolutePath(),
                    blankToNull(System.getenv("DISPLAY")), monocleAvailable());
            BenchReport report = new BenchRunner(new Subject(root.clock()), options, line -> {
                printer.println(line);
                printer.flush();
            }).run();
            printer.println();
            report.print(printer);
            if (out != null) {
                report.writeJson(out);
                printer.println(root.messages().get("cli.bench.written", out.toAbsolutePath()));
            }
            return CommandLine.ExitCode.OK;
        } finally {
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonocleApplication", false, BenchCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }

    // ------------------------------------------------------------------ child JVM modes

    private int runChild() {
        Subject subject = new Subject(root.clock());
        Map<String, Object> result = new LinkedHashMap<>();
        switch (child) {
            case "import" -> {
                try (BenchSubject.Store s = subject.open(childStore); HeapProbe heap = new HeapProbe(HeapProbe.LIVE_EVERY)) {
                    long t = System.nanoTime();
                    s.importPackage(childPackage);
                    result.put("importMs", (System.nanoTime() - t - heap.stalledNanos()) / 1e6);
                    heapReport(heap, result);
                }
            }
            case "import-fx" -> {
                try (BenchSubject.Store s = subject.open(childStore); HeapProbe heap = new HeapProbe(HeapProbe.LIVE_EVERY)) {
                    long[] stalled = {0};
                    FxProbe.configure(new FxProbe.Config(FxProbe.Mode.PULSE, stage -> () -> true, () -> {
                        long before = heap.stalledNanos();
                        s.importPackage(childPackage);
                        stalled[0] = heap.stalledNanos() - before;
                    }, result::putAll, heap::stopEvents));
                    Application.launch(FxProbe.class);
                    result.put("importMs", ((Number) result.get("workMs")).doubleValue() - stalled[0] / 1e6);
                    heapReport(heap, result);
                }
            }
            case "fx-minimal" -> {
                FxProbe.configure(new FxProbe.Config(FxProbe.Mode.MINIMAL, stage -> () -> true, () -> { }, result::putAll));
                Application.launch(FxProbe.class);
            }
            case "fx-queue" -> {
                // The application's start path (TrustBenchApp: window first, store opened in the background, workbench,
                // queue) on the store, signed in as a bench officer instead of through the sign-in screen.
                TrustBenchApp[] app = new TrustBenchApp[1];
                LaunchOptions launch = new LaunchOptions(new DataFolder(childStore), Workspace.DEMO);
                TrustBenchApp.openEarly(launch, root.clock());
                FxProbe.configure(new FxProbe.Config(FxProbe.Mode.QUEUE, stage -> {
                    app[0] = new TrustBenchApp(launch,
                            java.util.Locale.getDefault(), root.clock(), new TrustBenchApp.Unattended(BENCH_OFFICER, main -> { }));
                    app[0].start(stage);
                    return () -> stage.getScene().lookup("#queue-table") instanceof javafx.scene.control.TableView<?> t
                            && !t.getItems().isEmpty();
                }, () -> { }, result::putAll));
                Application.launch(FxProbe.class);
                if (app[0] != null) {
                    app[0].stop();
                }
            }
            case "queue-heap" -> {
                try (BenchSubject.Store s = subject.open(childStore)) {
                    QueueIndex index = s.queueIndex();
                    List<CaseSummary> shown = index.search(org.trustbench.caseq.QueueQuery.ALL);
                    result.put("liveBytes", HeapProbe.liveNow());
                    result.put("rows", shown.size());
                }
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown child mode " + child);
        }
        try {
            new ObjectMapper().writeValue(childResult.toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CommandLine.ExitCode.OK;
    }

    private static final org.trustbench.users.User BENCH_OFFICER = new org.trustbench.users.User(0, "bench", "bench", "BENCH",
            java.util.Set.of(org.trustbench.users.Role.DESK_OFFICER), 0, null, false);

    /** The import child's heap readings; the time of the probe's forced collections is left out of the import time. */
    private static void heapReport(HeapProbe heap, Map<String, Object> result) {
        result.put("maxLiveBytes", heap.maxLive());
        result.put("maxAfterGcBytes", heap.maxAfterGc());
        result.put("maxUsedBytes", heap.maxUsed());
        result.put("forcedGcs", heap.forcedCollections());
        result.put("forcedGcMs", heap.stalledNanos() / 1e6);
    }

    // ------------------------------------------------------------------ the application under test

    /** The real services of this application, on stores of the benchmark's own. */
    static final class Subject implements BenchSubject {
        private final Clock clock;

        Subject(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void generate(int n, long seed, Path out) {
            DemoPackageCommand.write(clock, out, Path.of(DemoPackageService.DEFAULT_KEY_FILE), n, seed, Path.of(""));
        }

        @Override
        public Store open(Path folder) {
            AppServices s = AppServices.open(new DataFolder(folder), Workspace.DEMO, clock);
            try {
                s.trust().trustDemoCentral("bench", BenchCommand.class.getClassLoader());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
            return new OpenStore(s);
        }

        @Override
        public List<String> childCommand() {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (Runtime.version().feature() >= 24) {
                // As the packages' launcher on JDK 25 (installer/common.sh): JavaFX 21 loads its natives through JNI
                // and its Marlin renderer uses sun.misc.Unsafe, which JDK 24 on warns about at every start.
                cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dorg.jooq.no-logo=true",
                    "-Dorg.jooq.no-tips=true", Launcher.class.getName()));
            return List.copyOf(cmd);
        }
    }

    private static final class OpenStore implements BenchSubject.Store {
        private final AppServices s;
        private final ReviewService review;

        OpenStore(AppServices s) {
            this.s = s;
            this.review = new ReviewService(s.caseQueueRepository(), s.findingRepository(), s.checks());
        }

        @Override
        public <T> T withConnection(Function<java.sql.Connection, T> work) {
            return s.store().dsl().connectionResult(work::apply);
        }

        @Override
        public void importPackage(Path pkg) {
            if (s.importer().importPackage(pkg, "bench", () -> false) == null) {
                throw new IllegalStateException("import cancelled");
            }
        }

        @Override
        public long checkAll() {
            return s.checks().checkAll("bench", (d, t) -> { }, () -> false);
        }

        @Override
        public long checkCases(List<Long> ids) {
            return s.checks().checkCases(ids, (d, t) -> { }, () -> false);
        }

        @Override
        public long loadAll() {
            // exactly as CheckService's bulk checks load them: batches of CheckService.BATCH ids, one findCases each
            List<Long> ids = s.findingRepository().allCaseIds();
            long n = 0;
            for (int from = 0; from < ids.size(); from += CheckService.BATCH) {
                n += s.caseQueueRepository().findCases(ids.subList(from, Math.min(ids.size(), from + CheckService.BATCH))).size();
            }
            return n;
        }

        @Override
        public List<Long> caseIds() {
            return s.findingRepository().allCaseIds();
        }

        @Override
        public Object openCase(long caseId) {
            return review.load(caseId).orElseThrow();
        }

        @Override
        public QueueIndex queueIndex() {
            return QueueIndex.of(s.caseQueueRepository().findAllSummaries());
        }

        @Override
        public void fillOutbox(int n) {
            List<String> caseNos = new ArrayList<>();
            s.caseQueueRepository().forEachSummary(c -> caseNos.add(c.caseNo()));
            ObjectMapper json = new ObjectMapper();
            Instant at = clock().instant();
            for (int from = 0; from < n; from += 1000) {
                int start = from;
                s.store().dsl().transaction(tx -> {
                    for (int i = start; i < Math.min(n, start + 1000); i++) {
                        String caseNo = caseNos.get(i % caseNos.size());
                        var o = json.createObjectNode();
                        o.put("decisionId", "bench-" + i);
                        o.put("caseNo", caseNo);
                        o.put("outcome", "APPROVE");
                        o.putArray("reasons").add("ALL_CHECKS_PASSED");
                        o.putArray("supplements");
                        o.putArray("acknowledged");
                        o.putArray("findings");
                        o.putArray("evidenceDigests");
                        o.put("decidedBy", "officer1");
                        o.put("decidedAt", at.toString());
                        s.outbox().append(tx.dsl(), "decision", caseNo, o.toString());
                    }
                });
            }
        }

        private Clock clock() {
            return s.clock();
        }

        @Override
        public long export(Path dir) {
            var r = s.export().export(dir, "bench", null, null, () -> false);
            return r.counts().values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
