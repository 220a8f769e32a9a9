package org.trustbench.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;

/**
 * Child JVM of {@link SyncCrashSafetyTest}: opens a demo store the real way, reports {@code READY}, runs one real
 * import or export, reports {@code DONE}, then waits to be killed. Every poll of the operation's cancel hook is
 * counted; with {@code pauseAt > 0} the child reports {@code PAUSED n} at that poll and stops there (inside the
 * operation, e.g. inside the import's open transaction) until the parent kills it.
 *
 * <p>Arguments: {@code import|export dataDir packageFile|outDir clockInstant pauseAt}.
 */
public final class SyncCrashChild {

    static final String ACTOR = "crash-test";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SyncCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dataDir = Path.of(args[1]);
        Path target = Path.of(args[2]);
        Clock clock = Clock.fixed(Instant.parse(args[3]), ZONE);
        long pauseAt = Long.parseLong(args[4]);
        AppServices services = AppServices.open(new DataFolder(dataDir), Workspace.DEMO, clock);
        long[] polls = {0};
        BooleanSupplier hook = () -> {
            long n = ++polls[0];
            if (n == pauseAt) {
                say("PAUSED " + n);
                sleepUntilKilled();
            }
            return false;
        };
        say("READY");
        long start = System.nanoTime();
        String result;
        if (mode.equals("import")) {
            ImportService.ImportResult r = services.importer().importPackage(target, ACTOR, hook);
            result = "imported " + r.counts() + " already=" + r.alreadyImported();
        } else if (mode.equals("export")) {
            ExportService.ExportResult r = services.export().export(target, ACTOR, null, null, hook);
            result = "exported " + r.from() + "-" + r.to();
        } else {
            throw new IllegalArgumentException("mode " + mode);
        }
        say("DONE " + (System.nanoTime() - start) / 1_000_000 + " " + polls[0] + " " + result);
        sleepUntilKilled();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void sleepUntilKilled() {
        try {
            Thread.sleep(300_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Never reached in the test: the parent kills the child first. Halt rather than close the store cleanly.
        Runtime.getRuntime().halt(3);
    }
}
