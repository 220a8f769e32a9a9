package org.trustbench.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Uscc;
import org.trustbench.sync.DemoPackageService;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;

/** The synthetic generator: deterministic payloads, demo-safe numbers, valid codes, and the templates' findings. */
class SyntheticCasesTest {

    private static final ClassLoader LOADER = SyntheticCasesTest.class.getClassLoader();
    private static Dataset template;
    private static Clock clock;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTemplate() {
        template = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(template.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
    }

    private Path write(String name, int cases, long seed) {
        Path out = tmp.resolve(name);
        SyntheticCases g = SyntheticCases.fromCheckout(template, seed, Path.of(""));
        DemoPackageService.Result r = new DemoPackageService(LOADER, clock).write(g.iterator(cases),
                template.batch().issuers(), template.batch().blobs(), SyntheticCases.effectiveAt(template), out,
                Path.of(DemoPackageService.DEFAULT_KEY_FILE));
        assertEquals(cases, r.cases());
        return out;
    }

    /** Every entry but the manifest and its signature, by name. */
    private static Map<String, byte[]> payload(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.getName().startsWith("manifest")) {
                    try (InputStream in = z.getInputStream(e)) {
                        entries.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return entries;
    }

    @Test
    void sameSeedGivesByteIdenticalPayloadEntries() throws IOException {
        Map<String, byte[]> a = payload(write("a.tbsync", 120, 42));
        Map<String, byte[]> b = payload(write("b.tbsync", 120, 42));
        Map<String, byte[]> c = payload(write("c.tbsync", 120, 43));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().stream().anyMatch(n -> n.startsWith("records/")), a.keySet().toString());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        String caseEntry = a.keySet().stream().filter(n -> n.contains("case")).findFirst().orElseThrow();
        assertFalse(java.util.Arrays.equals(a.get(caseEntry), c.get(caseEntry)), "another seed, other cases");
    }

    @Test
    void caseNumbersNeverClashWithTheDemoAndCodesCheckUnlessTheScenarioBreaksThem() {
        Set<String> demoNumbers = new HashSet<>();
        template.batch().cases().forEach(c -> demoNumbers.add(c.caseNo()));
        SyntheticCases g = SyntheticCases.fromCheckout(template, 7, Path.of(""));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            FilingCase c = g.caseAt(i);
            assertTrue(seen.add(c.caseNo()), c.caseNo());
            assertFalse(demoNumbers.contains(c.caseNo()), c.caseNo());
            assertTrue(c.caseNo().matches("BA-31\\d{4}-2026-\\d{6}"), c.caseNo());
            boolean broken = template.scenarios().get(g.templateOf(i)).contains("USCC_CHECK_DIGIT");
            assertEquals(!broken, Uscc.validate(c.provider().uscc()) == Uscc.Result.VALID, c.caseNo() + " " + c.provider().uscc());
            assertEquals(10, c.evidence().size(), 2.5, "about ten evidence items");
        }
        assertNotEquals(g.caseAt(0).provider().nameZh(), g.caseAt(1).provider().nameZh());
    }

    @Test
    void importedCasesGiveTheirTemplatesFindings() {
        Path pkg = write("g.tbsync", 150, 11);
        try (AppServices s = AppServices.open(new DataFolder(tmp.resolve("store")), Workspace.DEMO, clock)) {
            s.prepare((d, t) -> { }, () -> false);
            s.importer().importPackage(pkg, "test", () -> false);
            SyntheticCases g = SyntheticCases.fromCheckout(template, 11, Path.of(""));
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                FilingCase c = g.caseAt(i);
                long id = s.caseQueueRepository().findIdByCaseNo(c.caseNo()).orElseThrow();
                long templateId = s.caseQueueRepository().findIdByCaseNo(g.templateOf(i)).orElseThrow();
                List<String> got = ruleIds(s.checks().checkCase(id));
                List<String> want = ruleIds(s.checks().checkCase(templateId));
                if (!got.equals(want)) {
                    mismatches.add(c.caseNo() + " from " + g.templateOf(i) + ": " + got + " vs " + want);
                }
            }
            assertEquals(List.of(), mismatches);
        }
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).sorted().toList();
    }
}
