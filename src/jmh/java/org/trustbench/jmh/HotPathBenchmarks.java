package org.trustbench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Uscc;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.verify.Address;
import org.trustbench.verify.CheckInput;
import org.trustbench.verify.NameNormaliser;
import org.trustbench.verify.VerificationEngine;
import org.trustbench.verify.VerificationSettings;

/**
 * Micro-benchmarks of the verification hot paths on the demo dataset (run with the {@code jmh} profile, see
 * docs/performance.md). Not part of {@code verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {

    private List<FilingCase> cases;
    private List<String> names;
    private List<String> addresses;
    private List<String> usccs;
    private byte[] png;
    private byte[] pdf;
    private List<CheckInput> inputs;
    private final VerificationEngine engine = VerificationEngine.standard();

    @Setup
    public void load() throws IOException {
        Dataset d = DatasetReader.read(DatasetSource.classpath("default", HotPathBenchmarks.class.getClassLoader()));
        cases = d.batch().cases();
        names = cases.stream().flatMap(c -> c.evidence().stream()).map(e -> e.field("name")).filter(n -> n != null).toList();
        addresses = cases.stream().flatMap(c -> c.evidence().stream()).map(e -> e.field("address"))
                .filter(a -> a != null).toList();
        usccs = cases.stream().map(c -> c.provider().uscc()).toList();
        png = resource("sample-data/default/attachments/premises-crane-yard.png");
        pdf = resource("sample-data/default/attachments/business-licence-scan.pdf");
        inputs = cases.stream().map(c -> new CheckInput(c, d.referenceDate(), VerificationSettings.DEFAULTS, valid(c),
                Set.of())).toList();
    }

    private static Map<Long, CheckInput.SignatureStatus> valid(FilingCase c) {
        Map<Long, CheckInput.SignatureStatus> s = new HashMap<>();
        for (EvidenceItem e : c.evidence()) {
            if (e.source() == EvidenceSource.REGULATOR) {
                s.put(e.id(), CheckInput.SignatureStatus.VALID);
            }
        }
        return s;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HotPathBenchmarks.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Every company name of the demo evidence, normalised. */
    @Benchmark
    public void normaliseNames(Blackhole bh) {
        for (String n : names) {
            bh.consume(NameNormaliser.normalise(n));
        }
    }

    /** Every address of the demo evidence, parsed into components. */
    @Benchmark
    public void parseAddresses(Blackhole bh) {
        for (String a : addresses) {
            bh.consume(Address.parse(a));
        }
    }

    /** Both check characters of every provider's USCC. */
    @Benchmark
    public void usccCheck(Blackhole bh) {
        for (String u : usccs) {
            bh.consume(Uscc.check(u));
        }
    }

    /** SM3 of a premises photo (about 8 KB). */
    @Benchmark
    public String sm3Photo() {
        return Sm3.hex(png);
    }

    /** SM3 of a scanned licence PDF (about 1.4 KB). */
    @Benchmark
    public String sm3Pdf() {
        return Sm3.hex(pdf);
    }

    /** All rules on every demo case (signatures given as checked: rule evaluation only). */
    @Benchmark
    public void evaluateRules(Blackhole bh) {
        for (CheckInput in : inputs) {
            bh.consume(engine.check(in));
        }
    }
}
