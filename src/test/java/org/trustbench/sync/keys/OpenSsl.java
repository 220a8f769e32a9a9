package org.trustbench.sync.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} binary for tests; {@link #available()} tells whether an OpenSSL 3 is on the PATH. */
public final class OpenSsl {

    private static Boolean available;

    private OpenSsl() {
    }

    /** Exit code and combined output of one run. */
    public record Run(int exit, String output) {
    }

    /** True if an OpenSSL 3 (or later) binary is on the PATH. */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                Run v = run(Path.of("."), "version");
                available = v.exit() == 0 && v.output().matches("(?s)OpenSSL ([3-9]|\\d\\d)\\..*");
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    public static Run run(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Run(p.exitValue(), output);
    }

    /** Runs openssl and fails the test unless it exits with 0. */
    public static String ok(Path dir, String... args) throws IOException {
        Run r = run(dir, args);
        if (r.exit() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + r.output());
        }
        return r.output();
    }

    /** Writes {@code <name>.key.pem} (PKCS#8) and {@code <name>.pub.pem} (SubjectPublicKeyInfo) for an SM2 key. */
    public static Path sm2PublicKey(Path dir, String name) throws IOException {
        Path key = dir.resolve(name + ".key.pem");
        Path pub = dir.resolve(name + ".pub.pem");
        ok(dir, "genpkey", "-algorithm", "SM2", "-out", key.toString());
        ok(dir, "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());
        return pub;
    }
}
