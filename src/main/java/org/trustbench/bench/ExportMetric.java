package org.trustbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Consumer;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Export of N decisions to a signed package against a plain JDBC select of the same outbox rows written as JSON Lines
 * with an SM3 digest.
 */
final class ExportMetric {

    private final BenchSubject.Store store;
    private final Path work;
    private final Consumer<String> log;

    ExportMetric(BenchSubject.Store store, Path work, Consumer<String> log) {
        this.store = store;
        this.work = work;
        this.log = log;
    }

    Metric run(int n) {
        long t = System.nanoTime();
        store.fillOutbox(n);
        log.accept(String.format(Locale.ROOT, "  outbox filled with %d decisions in %.1f s", n, Stats.millisSince(t) / 1000));
        double baseline = baseline();
        Path dir = work.resolve("export");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t = System.nanoTime();
        long records = store.export(dir);
        double ours = records / (Stats.millisSince(t) / 1000);
        double ratio = ours / baseline;
        return new Metric("export decisions to a signed package", "records/s", ours, baseline, ratio, "ratio >= 0.6",
                ratio >= 0.6, records + " decisions; baseline = plain JDBC select written as JSON Lines with SM3");
    }

    private double baseline() {
        Path file = work.resolve("export-baseline.jsonl");
        return store.withConnection(c -> {
            long t = System.nanoTime();
            long rows = 0;
            SM3Digest sm3 = new SM3Digest();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT seq, record_type, payload FROM outbox ORDER BY seq");
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                while (rs.next()) {
                    String payload = new String(rs.getBytes(3), StandardCharsets.UTF_8);
                    byte[] line = ("{\"seq\":" + rs.getLong(1) + ",\"type\":\"" + rs.getString(2) + "\",\"record\":"
                            + payload + "}\n").getBytes(StandardCharsets.UTF_8);
                    sm3.update(line, 0, line.length);
                    out.write(line);
                    rows++;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] digest = new byte[32];
            sm3.doFinal(digest, 0);
            return rows / (Stats.millisSince(t) / 1000);
        });
    }
}
