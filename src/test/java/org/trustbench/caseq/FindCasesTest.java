package org.trustbench.caseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.IdList;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.FilingCase;

/** Batched loading joins the ids as one array: any number of them, duplicates and unknown ids, in the order asked. */
class FindCasesTest {

    @TempDir
    Path tmp;

    @Test
    void loadsManyIdsWithDuplicatesAndUnknownOnesInTheOrderAsked() {
        try (AppServices s = AppServices.open(new DataFolder(tmp), Workspace.DEMO, Clock.systemUTC())) {
            s.demoWorkspace().reset(s.demoWorkspace().source("default"));
            CaseQueueRepository repo = s.caseQueueRepository();
            List<Long> real = repo.findAllSummaries().stream().map(CaseSummary::id).toList();
            assertTrue(real.size() > 10, "demo cases");
            // More ids than one array holds (IdList.MAX), the real ones spread over both slices, some twice.
            List<Long> asked = new ArrayList<>();
            for (int i = 0; i < IdList.MAX + 500; i++) {
                asked.add(-1L - i);
                if (i % 1000 == 0) {
                    asked.add(real.get((i / 1000) % real.size()));
                }
            }
            asked.add(real.get(0));
            List<Long> backwards = new ArrayList<>(real);
            java.util.Collections.reverse(backwards);
            asked.addAll(backwards);
            List<FilingCase> expected = asked.stream().flatMap(id -> repo.findCase(id).stream()).toList();
            List<FilingCase> batch = repo.findCases(asked);
            assertEquals(expected.size(), batch.size());
            assertEquals(expected, batch);
            assertEquals(expected.get(0).equipment().size(), batch.get(0).equipment().size(), "equipment once per case");
            assertTrue(batch.stream().allMatch(c -> c.evidence().stream().map(e -> e.id()).distinct().count() == c.evidence().size()),
                    "each evidence item once");
        }
    }
}
