package org.trustbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Export of N decisions to a signed package against a plain JDBC select of the same outbox rows written as JSON Lines
 * with an SM3 digest. Both sides first do one unmeasured warm-up round of the same kind (a smaller export and its
 * baseline over the same rows), so the ratio compares the two paths, not the cold JIT of the first use of each. Then
 * {@value #ROUNDS} measured rounds, each over N new decisions (baseline, then export, of exactly those rows); the
 * metric is the round with the median ratio, and the note gives every round's (one export of 100,000 decisions takes
 * about half a second, so a single round moved by a quarter between runs on the shared machine).
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

    /** The size of the unmeasured warm-up round (at most N). */
    static final int WARM_UP = 2000;
    /** Measured rounds. */
    static final int ROUNDS = 3;

    Metric run(int n) {
        Path dir = work.resolve("export");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long warmFrom = lastSeq();
        store.fillOutbox(Math.min(n, WARM_UP));
        baseline(warmFrom);
        store.export(dir);
        List<double[]> rounds = new ArrayList<>();
        long records = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long from = lastSeq();
            long t = System.nanoTime();
            store.fillOutbox(n);
            log.accept(String.format(Locale.ROOT, "  outbox filled with %d decisions in %.1f s", n, Stats.millisSince(t) / 1000));
            double baseline = baseline(from);
            t = System.nanoTime();
            records = store.export(dir);
            double ours = records / (Stats.millisSince(t) / 1000);
            rounds.add(new double[] {ours, baseline, ours / baseline});
        }
        List<double[]> byRatio = new ArrayList<>(rounds);
        byRatio.sort(java.util.Comparator.comparingDouble(r -> r[2]));
        double[] median = byRatio.get(byRatio.size() / 2);
        String each = rounds.stream().map(r -> String.format(Locale.ROOT, "%.3f", r[2]))
                .collect(java.util.stream.Collectors.joining(", "));
        return new Metric("export decisions to a signed package", "records/s", median[0], median[1], median[2],
                "ratio >= 0.6", median[2] >= 0.6, records + " decisions per round; baseline = plain JDBC select written as"
                        + " JSON Lines with SM3; after one warm-up round of " + Math.min(n, WARM_UP) + "; the median of "
                        + ROUNDS + " rounds (ratios " + each + ")");
    }

    private long lastSeq() {
        return store.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM outbox")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** The rows after {@code afterSeq} (the ones the export that follows carries), as JSON Lines with SM3. */
    private double baseline(long afterSeq) {
        Path file = work.resolve("export-baseline.jsonl");
        return store.withConnection(c -> {
            long t = System.nanoTime();
            long rows = 0;
            SM3Digest sm3 = new SM3Digest();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, record_type, payload FROM outbox WHERE seq > ? ORDER BY seq")) {
                s.setLong(1, afterSeq);
                try (ResultSet rs = s.executeQuery();
                     OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    while (rs.next()) {
                        String payload = new String(rs.getBytes(3), StandardCharsets.UTF_8);
                        byte[] line = ("{\"seq\":" + rs.getLong(1) + ",\"type\":\"" + rs.getString(2) + "\",\"record\":"
                                + payload + "}\n").getBytes(StandardCharsets.UTF_8);
                        sm3.update(line, 0, line.length);
                        out.write(line);
                        rows++;
                    }
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
