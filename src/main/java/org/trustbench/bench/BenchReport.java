package org.trustbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's result: the machine and one row per metric; printed as a table and written as JSON. */
public record BenchReport(Map<String, Object> machine, int cases, long seed, boolean quick, List<Metric> metrics) {

    public BenchReport {
        machine = Map.copyOf(machine);
        metrics = List.copyOf(metrics);
    }

    /** Cores, memory, JVM and load average of this machine now. */
    public static Map<String, Object> machineNow() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("memoryMb", sun.getTotalMemorySize() / (1024 * 1024));
        }
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("loadAverage", Math.round(os.getSystemLoadAverage() * 100) / 100.0);
        return m;
    }

    public boolean allMeasured() {
        return metrics.stream().allMatch(Metric::measured);
    }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "TrustBench bench: %d cases, seed %d%s%n", cases, seed, quick ? " (quick)" : "");
        machine.forEach((k, v) -> out.printf(Locale.ROOT, "  %-12s %s%n", k, v));
        out.println();
        String fmt = "%-46s %14s %14s %9s  %-28s %-6s%n";
        out.printf(Locale.ROOT, fmt, "metric", "ours", "baseline", "ratio", "target", "result");
        for (Metric m : metrics) {
            out.printf(Locale.ROOT, fmt, m.name() + " [" + m.unit() + "]", num(m.ours()), num(m.baseline()), num(m.ratio()),
                    m.target(), m.pass() == null ? "n/a" : m.pass() ? "PASS" : "FAIL");
            if (m.note() != null && !m.note().isBlank()) {
                out.printf(Locale.ROOT, "    %s%n", m.note());
            }
        }
        out.flush();
    }

    public void writeJson(Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(Double d) {
        if (d == null) {
            return "-";
        }
        double a = Math.abs(d);
        return a >= 1000 ? String.format(Locale.ROOT, "%.0f", d) : a >= 10 ? String.format(Locale.ROOT, "%.1f", d)
                : String.format(Locale.ROOT, "%.3f", d);
    }
}
