package org.trustbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs this application in a child JVM in one of the benchmark's child modes and reads the JSON it reports. */
final class ChildJvm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChildJvm() {
    }

    /** A child that failed or produced no result. */
    static final class ChildFailed extends RuntimeException {
        ChildFailed(String message) {
            super(message);
        }
    }

    /**
     * @param base      {@link BenchSubject#childCommand()}: java, its options, main class
     * @param jvmFlags  extra JVM options (e.g. -Xmx512m)
     * @param args      the child's arguments
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(List<String> base, List<String> jvmFlags, List<String> args, Path work,
                                   Map<String, String> env, long timeoutMinutes) {
        try {
            Path result = Files.createTempFile(work, "child-", ".json");
            Path log = Files.createTempFile(work, "child-", ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(base.get(0));
            cmd.addAll(jvmFlags);
            cmd.addAll(base.subList(1, base.size()));
            cmd.addAll(args);
            cmd.add("--child-result");
            cmd.add(result.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ChildFailed("child timed out after " + timeoutMinutes + " min: " + tail(log));
            }
            if (p.exitValue() != 0 || Files.size(result) == 0) {
                throw new ChildFailed("child exited with " + p.exitValue() + ": " + tail(log));
            }
            Map<String, Object> out = JSON.readValue(result.toFile(), Map.class);
            if (out.containsKey("error")) {
                throw new ChildFailed("child failed: " + out.get("error"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailed("interrupted");
        }
    }

    /** Writes a child's report. */
    static void report(Path file, Map<String, Object> values) {
        try {
            JSON.writeValue(file.toFile(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }
}
