package org.trustbench.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.synth.SyntheticCases;
import org.trustbench.testing.DemoStore;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;

/**
 * {@link CaseIntakeRepository#insertNew} returns the new cases exactly as the store reads them back: an import checks
 * them from what it returns instead of loading them again. On a real store: synthetic cases with their attachments, one
 * of them with a provider the store already has under other data (the stored row stands).
 */
class InsertNewTest {

    @TempDir
    Path tmp;

    @Test
    void theInsertedCasesAreWhatTheStoreReadsBack() {
        DataFolder folder = new DataFolder(tmp);
        Clock clock = DemoStore.reset(folder);
        Dataset template = DatasetReader.read(DatasetSource.classpath("default", getClass().getClassLoader()));
        SyntheticCases synth = SyntheticCases.fromCheckout(template, 7, Path.of(""));
        try (AppServices s = AppServices.open(folder, Workspace.DEMO, clock)) {
            FilingCase known = s.caseQueueRepository().findCases(s.findingRepository().allCaseIds()).get(0);
            List<FilingCase> cases = new ArrayList<>();
            synth.iterator(40).forEachRemaining(cases::add);
            // A case of a provider the store has, under other data: the stored provider row stands.
            FilingCase first = cases.get(0);
            Provider renamed = new Provider(0, known.provider().uscc(), known.provider().nameZh() + "（改）", null,
                    known.provider().entityType(), known.provider().legalRep(), known.provider().legalRepTitle(), null,
                    known.provider().registeredAddress(), known.provider().registrationAuthority(),
                    known.provider().establishedOn(), null, known.provider().registryStatus(),
                    known.provider().businessScope());
            cases.set(0, with(first, renamed, first.evidence()));
            Map<String, Provider> providers = new LinkedHashMap<>();
            cases.forEach(c -> providers.putIfAbsent(c.provider().uscc(), c.provider()));

            List<FilingCase> returned = s.store().dsl().transactionResult(tx -> new CaseIntakeRepository(tx.dsl())
                    .insertNew(tx.dsl(), new IntakeBatch(List.copyOf(providers.values()), cases, Map.of(), List.of())));

            assertEquals(cases.size(), returned.size());
            List<FilingCase> readBack = s.caseQueueRepository().findCases(returned.stream().map(FilingCase::id).toList());
            assertEquals(readBack, returned);
            assertEquals(known.provider(), returned.get(0).provider(), "the stored provider row, not the incoming one");
            assertNotEquals(renamed.nameZh(), returned.get(0).provider().nameZh());
            assertTrue(returned.stream().allMatch(c -> c.id() > 0 && c.provider().id() > 0
                    && c.evidence().stream().allMatch(i -> i.id() > 0)));
            assertTrue(returned.stream().flatMap(c -> c.evidence().stream()).flatMap(i -> i.attachments().stream())
                    .allMatch(a -> a.sizeBytes() > 0), "stored sizes");
        }
    }

    private static FilingCase with(FilingCase c, Provider p, List<EvidenceItem> evidence) {
        return new FilingCase(0, c.caseNo(), p, c.districtCode(), c.platform(), c.receivedOn(), c.deadlineOn(), c.status(),
                c.assignee(), c.services(), c.performer(), c.subcontractDeclared(), c.equipment(), evidence);
    }
}
