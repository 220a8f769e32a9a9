package org.trustbench.caseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.sync.keys.WorkstationKeys;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/**
 * The start path's first page in plain JDBC ({@link FirstPageQuery}) gives exactly the rows, order and values of the
 * jOOQ mapping of the queue ({@link CaseQueueRepository#findAllSummaries} in the index's default order), including
 * unchecked cases and the latest decision, and reads the deadline index of V9.
 */
class FirstPageQueryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);

    @TempDir
    Path tmp;
    private AppServices services;

    @BeforeEach
    void store() {
        services = AppServices.open(new DataFolder(tmp), Workspace.DEMO, Clock.system(ZONE));
        services.prepare((d, t) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void givesTheRowsOrderAndValuesOfTheQueuesOwnMapping() throws Exception {
        CaseQueueRepository repository = services.caseQueueRepository();
        CaseSummary decided = repository.findAllSummaries().stream()
                .filter(c -> c.status() == CaseStatus.IN_REVIEW && c.findingCount() == 0).findFirst().orElseThrow();
        services.decisions().decide(OFFICER, new DecisionDraft(decided.id(), Outcome.APPROVE,
                List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(), Set.of(), "", null));
        // One case never checked: no check row, shown with -1 findings.
        services.store().dsl().execute("DELETE FROM case_check WHERE case_id = ?", decided.id() + 1);

        List<CaseSummary> all = QueueIndex.of(repository.findAllSummaries()).search(QueueQuery.ALL);
        assertTrue(all.size() > 20, "the demo store has cases");
        assertTrue(all.stream().anyMatch(c -> c.lastDecidedBy() != null && c.lastDecidedOn() != null), "a decided case");
        assertTrue(all.stream().anyMatch(c -> !c.checked()), "an unchecked case");
        assertTrue(all.stream().map(CaseSummary::deadlineOn).distinct().count() < all.size(), "cases share deadlines");

        assertEquals(all.subList(0, 20), repository.firstByDeadline(20));
        assertEquals(all, repository.firstByDeadline(all.size() + 10));
        assertEquals(List.of(), repository.firstByDeadline(0));
        CaseQueueRepository.FirstPage page = services.store().withConnection(c -> FirstPageQuery.read(c, ZONE, 20));
        assertEquals(new CaseQueueRepository.FirstPage(all.subList(0, 20), all.size()), page);
        assertEquals(page, repository.firstPage(20));
    }

    @Test
    void anEmptyStoreHasAnEmptyFirstPage() {
        try (AppServices empty = AppServices.open(new DataFolder(tmp.resolve("empty")), Workspace.REAL, Clock.system(ZONE))) {
            assertEquals(new CaseQueueRepository.FirstPage(List.of(), 0), empty.caseQueueRepository().firstPage(200));
        }
    }

    @Test
    void theIdsComeFromTheDeadlineAndCaseNumberIndexInItsOrder() {
        String plan = services.store().withConnection(c -> {
            try (var st = c.createStatement();
                 var r = st.executeQuery("EXPLAIN SELECT id FROM filing_case ORDER BY deadline_on, case_no LIMIT 200")) {
                r.next();
                return r.getString(1);
            }
        });
        assertTrue(plan.contains("IX_CASE_DEADLINE_CASE_NO"), plan);
        assertTrue(plan.contains("index sorted"), plan);
    }

    @Test
    void theWorkstationKeyIsReadWhenFirstNeededNotWhenTheStoreOpens() {
        Path folder = tmp.resolve("keys");
        try (AppServices fresh = AppServices.open(new DataFolder(folder), Workspace.REAL, Clock.system(ZONE))) {
            Path keyFile = fresh.store().folder().resolve(WorkstationKeys.KEY_FILE);
            assertFalse(Files.exists(keyFile), "no key made at open");
            assertEquals(new CaseQueueRepository.FirstPage(List.of(), 0), fresh.caseQueueRepository().firstPage(200));
            WorkstationKeys keys = fresh.workstationKeys();
            assertNotNull(keys);
            assertTrue(Files.exists(keyFile), "made on first use, in the opened store's folder");
            assertEquals(keys.fingerprint(), fresh.workstationKeys().fingerprint(), "read once");
        }
    }
}
