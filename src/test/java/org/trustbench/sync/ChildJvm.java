package org.trustbench.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test's own class path whose stdout lines are collected by a reader thread (stderr goes to a
 * file), and which the test ends with SIGKILL.
 */
final class ChildJvm {

    /** Exit status of a process ended by signal 9 as Java reports it on Linux: 128 + SIGKILL. */
    static final int SIGKILL_STATUS = 128 + 9;
    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::pump, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path stderr, String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Duser.language=en",
                "-Dtrustbench.logDir=" + System.getProperty("java.io.tmpdir") + "/trustbench-test-logs", mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        return new ChildJvm(p, stderr);
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was killed mid-line
        }
        lines.add(EOF);
    }

    /**
     * Waits for a line starting with one of {@code prefixes}; returns it, or {@code null} after {@code millis}.
     *
     * @throws AssertionError if the child ends its output first (it died on its own: its stderr is in the message)
     */
    String await(long millis, String... prefixes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? lines.poll() : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                throw new AssertionError("child ended without " + List.of(prefixes) + ", output " + seen + ", stderr:\n" + stderr());
            }
            seen.add(line);
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
    }

    /** Every stdout line read so far, including those a later {@link #await} has not consumed yet. */
    List<String> output() {
        List<String> out = new ArrayList<>(seen);
        lines.stream().filter(l -> !l.equals(EOF)).forEach(out::add);
        return out;
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Kills the child with SIGKILL ({@code destroyForcibly} on Linux) and checks that it really ended by signal 9,
     * not on its own.
     */
    void sigkill() throws InterruptedException {
        boolean wasAlive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not die");
        }
        if (!wasAlive || process.exitValue() != SIGKILL_STATUS) {
            throw new AssertionError("child ended with status " + process.exitValue() + " (alive before kill: " + wasAlive
                    + "), not by SIGKILL; output " + output() + ", stderr:\n" + stderr());
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
