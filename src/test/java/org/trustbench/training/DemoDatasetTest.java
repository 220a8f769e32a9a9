package org.trustbench.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Uscc;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;

class DemoDatasetTest {

    private static final Path DEFAULT = Path.of("sample-data/default");
    private static final Set<String> TAGS = Set.of("CREDENTIAL_EXPIRED", "CREDENTIAL_OUT_OF_SCOPE", "LICENCE_REVOKED",
            "LICENCE_CANCELLED", "NAME_MISMATCH", "ADDRESS_MISMATCH", "NO_INSPECTION", "USCC_CHECK_DIGIT",
            "PERFORMER_DIFFERS", "AUTHORISATION_EXPIRED", "OUT_OF_REMIT", "SIGNATURE_INVALID", "SIGNATURE_UNKNOWN_ISSUER",
            "SIGNATURE_MISSING");

    @TempDir
    Path tmp;

    private AppServices demo() {
        return AppServices.open(new DataFolder(tmp), Workspace.DEMO, Clock.systemUTC());
    }

    @Test
    void defaultDatasetLoadsWithItsDocumentedCounts() {
        try (AppServices services = demo()) {
            Dataset d = services.demoWorkspace().ensureLoaded().orElseThrow();
            assertTrue(d.batch().cases().size() >= 60);
            assertEquals("default", services.demoWorkspace().loadedDataset().orElseThrow());
            CaseQueueRepository repo = services.caseQueueRepository();
            List<CaseSummary> summaries = repo.findAllSummaries();
            assertEquals(d.batch().cases().size(), summaries.size());
            assertEquals(d.batch().providers().size(),
                    summaries.stream().map(CaseSummary::uscc).distinct().count());
            // Loading again on a filled store does nothing.
            assertTrue(services.demoWorkspace().ensureLoaded().isEmpty());
        }
    }

    @Test
    void casesRoundTripThroughTheStoreWithAttachmentDigests() {
        try (AppServices services = demo()) {
            Dataset d = services.demoWorkspace().ensureLoaded().orElseThrow();
            CaseQueueRepository repo = services.caseQueueRepository();
            for (FilingCase expected : d.batch().cases()) {
                long id = repo.findIdByCaseNo(expected.caseNo()).orElseThrow();
                FilingCase stored = repo.findCase(id).orElseThrow();
                assertEquals(expected.provider().uscc(), stored.provider().uscc());
                assertEquals(expected.provider().nameZh(), stored.provider().nameZh());
                assertEquals(expected.services(), stored.services());
                assertEquals(expected.equipment(), stored.equipment());
                assertEquals(expected.performer(), stored.performer());
                assertEquals(expected.evidence().size(), stored.evidence().size());
                for (int i = 0; i < expected.evidence().size(); i++) {
                    EvidenceItem e = expected.evidence().get(i);
                    EvidenceItem s = stored.evidence().get(i);
                    assertEquals(e.fields(), s.fields(), expected.caseNo());
                    assertEquals(List.copyOf(e.fields().keySet()), List.copyOf(s.fields().keySet()), "field order kept");
                    assertEquals(e.recordedAt().toInstant(), s.recordedAt().toInstant());
                    assertEquals(e.attachments(), s.attachments());
                }
            }
        }
    }

    @Test
    void attachmentDigestsAreTheSm3OfTheFiles() throws IOException {
        Dataset d = DatasetReader.read(DatasetSource.folder(DEFAULT));
        Path file = DEFAULT.resolve("attachments/business-licence-scan.pdf");
        String sm3 = Sm3.hex(Files.readAllBytes(file));
        assertTrue(d.batch().blobs().containsKey(sm3));
        // SM3 test vector from GB/T 32905: "abc"
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                Sm3.hex("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void datasetCoversEveryScenarioAndKeepsCheckDigitsValidElsewhere() {
        Dataset d = DatasetReader.read(DatasetSource.folder(DEFAULT));
        Map<String, Long> perTag = d.scenarios().values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertEquals(TAGS, perTag.keySet());
        perTag.forEach((tag, n) -> assertTrue(n >= (tag.startsWith("SIGNATURE_") ? 1 : 3), tag + " appears " + n + " times"));
        long clean = d.scenarios().values().stream().filter(List::isEmpty).count();
        assertTrue(clean >= 20, "clean cases: " + clean);
        Set<String> districts = d.batch().cases().stream().map(FilingCase::districtCode).collect(Collectors.toSet());
        assertTrue(districts.size() >= 8, "districts: " + districts);
        for (FilingCase c : d.batch().cases()) {
            boolean broken = d.scenarios().get(c.caseNo()).contains("USCC_CHECK_DIGIT");
            assertEquals(!broken, Uscc.validate(c.provider().uscc()).isValid(), c.caseNo() + " " + c.provider().uscc());
        }
    }

    @Test
    void aCorruptFileIsNamedWithRecordAndFieldAndLeavesTheStoreUnchanged() throws IOException {
        Path copy = copyDefault();
        Path cases = copy.resolve("cases.json");
        String json = Files.readString(cases);
        String secondCaseNo = d(copy).batch().cases().get(1).caseNo();
        // Break the received date of the second case.
        int at = json.indexOf("\"caseNo\": \"" + secondCaseNo + "\"");
        int field = json.indexOf("\"receivedOn\": \"", at);
        String broken = json.substring(0, field) + "\"receivedOn\": \"2026-13-01\"" + json.substring(json.indexOf(',', field));
        Files.writeString(cases, broken);

        try (AppServices services = demo()) {
            services.demoWorkspace().ensureLoaded();
            List<CaseSummary> before = services.caseQueueRepository().findAllSummaries();
            UserException e = assertThrows(UserException.class,
                    () -> services.demoWorkspace().reset(DatasetSource.folder(copy)));
            String text = Messages.forLocale(Messages.ENGLISH).format(e.userMessage());
            assertEquals("cases.json, record 2 (" + secondCaseNo + "), field \u201creceivedOn\u201d: \u201c2026-13-01\u201d is not a date (YYYY-MM-DD).", text);
            assertEquals(before, services.caseQueueRepository().findAllSummaries(), "store unchanged");
        }
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws IOException {
        Path copy = copyDefault();
        Files.writeString(copy.resolve("providers.json"), "[\n  { \"uscc\": \"9131\" \n  \"nameZh\": \"x\" }\n]");
        UserException e = assertThrows(UserException.class, () -> DatasetReader.read(DatasetSource.folder(copy)));
        String text = Messages.forLocale(Messages.ENGLISH).format(e.userMessage());
        assertTrue(text.startsWith("providers.json, line 3, column"), text);
    }

    @Test
    void aTypoInAFieldNameIsRefused() throws IOException {
        Path copy = copyDefault();
        Path providers = copy.resolve("providers.json");
        Files.writeString(providers, Files.readString(providers).replaceFirst("\"legalRep\"", "\"legalRepresentative\""));
        UserException e = assertThrows(UserException.class, () -> DatasetReader.read(DatasetSource.folder(copy)));
        assertEquals("dataset.error.unknownField", e.userMessage().key());
        assertEquals("legalRepresentative", e.userMessage().args().get(3));
    }

    @Test
    void aMissingAttachmentAndAWrongCountAreRefused() throws IOException {
        Path copy = copyDefault();
        Files.delete(copy.resolve("attachments/business-licence-scan.pdf"));
        UserException e = assertThrows(UserException.class, () -> DatasetReader.read(DatasetSource.folder(copy)));
        assertEquals("dataset.error.missingAttachment", e.userMessage().key());

        Path other = tmp.resolve("other");
        copyTree(DEFAULT, other);
        Path meta = other.resolve("dataset.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"cases\": \\d+", "\"cases\": 9999"));
        e = assertThrows(UserException.class, () -> DatasetReader.read(DatasetSource.folder(other)));
        assertEquals("dataset.error.countMismatch", e.userMessage().key());
    }

    @Test
    void theRealStoreRefusesDemoData() {
        try (AppServices real = AppServices.open(new DataFolder(tmp), Workspace.REAL, Clock.systemUTC())) {
            UserException e = assertThrows(UserException.class, () -> real.demoWorkspace().ensureLoaded());
            assertEquals("demo.error.notDemoStore", e.userMessage().key());
            assertEquals(0, real.caseQueueRepository().findAllSummaries().size());
        }
    }

    @Test
    void anUnknownDatasetNameIsAUserError() {
        try (AppServices services = demo()) {
            UserException e = assertThrows(UserException.class, () -> services.demoWorkspace().source("no-such-dataset"));
            assertEquals("dataset.error.unknown", e.userMessage().key());
        }
    }

    private static Dataset d(Path folder) {
        return DatasetReader.read(DatasetSource.folder(folder));
    }

    private Path copyDefault() throws IOException {
        Path copy = tmp.resolve("copy");
        copyTree(DEFAULT, copy);
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
