package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.Cli;
import org.trustbench.i18n.Messages;

/**
 * {@code bench --quick} runs end to end (child JVMs included, windows under headless Monocle) and every metric of the
 * issue's table produces a number. No timing is asserted: speed is judged by the benchmark's ratios only.
 */
class BenchQuickTest {

    private static final List<String> METRICS = List.of("import of an inbound package",
            "peak heap during import, N=500", "peak heap during import, N=1000", "peak heap during import, N=2000",
            "FX pulse gap during a background import", "queue search per keystroke, p95",
            "open a case (data + findings), p95", "re-check all rules on all cases", "export decisions to a signed package",
            "cold start to first queue frame", "heap with the queue open");

    @TempDir
    Path tmp;

    @Test
    void quickRunMeasuresEveryMetric() throws Exception {
        Path json = tmp.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(o -> { }, Messages.forLocale(Messages.ENGLISH), Clock.systemDefaultZone(),
                new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("bench", "--quick", "--out", json.toString(), "--work", tmp.resolve("work").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("import of an inbound package"), out.toString());
        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2000, report.get("cases").asInt());
        assertTrue(report.get("machine").get("cores").asInt() > 0);
        List<String> names = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode m : report.get("metrics")) {
            names.add(m.get("name").asText());
            if (!m.get("ours").isNumber() || !Double.isFinite(m.get("ours").asDouble())) {
                missing.add(m.get("name").asText() + ": " + m.get("note").asText());
            }
            if (m.get("baseline").isNumber()) {
                assertTrue(m.get("ratio").isNumber(), m.toString());
            }
        }
        assertEquals(METRICS, names);
        assertEquals(List.of(), missing, out.toString());
    }
}
