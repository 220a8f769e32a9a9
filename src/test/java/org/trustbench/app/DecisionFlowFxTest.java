package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.audit.AuditEntry;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.training.Dataset;

/**
 * The whole decision path through the real application: sign in, decide a clean case, override a
 * blocker, sign off as a different supervisor, and see every step in the audit log.
 */
class DecisionFlowFxTest extends FxRobot {

    @TempDir
    Path tmp;
    private Dataset dataset;
    private javafx.application.Application app;

    @BeforeEach
    void launch() throws Exception {
        dataset = DatasetReader.read(DatasetSource.folder(Path.of("sample-data/default")));
        Clock clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new TrustBenchApp(new LaunchOptions(new DataFolder(tmp), Workspace.DEMO),
                Locale.SIMPLIFIED_CHINESE, clock));
        waitFor(() -> lookup("#signin-username").tryQuery().isPresent(), 60);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private void waitFor(Supplier<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
    }

    private void signIn(String user, String password) throws Exception {
        TextInputControl name = lookup("#signin-username").queryAs(TextInputControl.class);
        TextInputControl pass = lookup("#signin-password").queryAs(TextInputControl.class);
        interact(() -> {
            name.setText(user);
            pass.setText(password);
        });
        clickOn("#signin-submit");
        waitFor(() -> lookup("#queue-table").tryQuery().isPresent(), 30);
        waitFor(() -> !lookup("#queue-table").queryTableView().getItems().isEmpty(), 30);
        assertTrue(lookup("#status-user").queryAs(Label.class).getText().contains(user));
    }

    private String caseNo(List<String> tags, CaseStatus status) {
        return dataset.batch().cases().stream().filter(c -> c.status() == status && dataset.scenarios().get(c.caseNo()).equals(tags))
                .map(c -> c.caseNo()).sorted().findFirst().orElseThrow();
    }

    private void openCase(String caseNo) throws Exception {
        TextField search = lookup("#queue-search").queryAs(TextField.class);
        interact(() -> search.setText(caseNo));
        TableView<CaseSummary> table = lookup("#queue-table").queryTableView();
        waitFor(() -> table.getItems().size() == 1, 10);
        interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        type(KeyCode.ENTER);
        waitFor(() -> lookup("#review-name").tryQuery().isPresent(), 20);
        clickOn("#tab-decision");
    }

    private void decisionText(String id, String text) {
        TextInputControl area = lookup("#" + id).queryAs(TextInputControl.class);
        interact(() -> area.setText(text));
    }

    /** The case's status in the queue, or null while the queue is not (yet) showing after closing the review. */
    @SuppressWarnings("unchecked")
    private CaseStatus statusOf(String caseNo) {
        java.util.Optional<TableView<CaseSummary>> found = lookup("#queue-table").tryQueryAs(TableView.class)
                .map(t -> (TableView<CaseSummary>) t);
        if (found.isEmpty()) {
            return null;
        }
        TableView<CaseSummary> table = found.get();
        return table.getItems().stream().filter(s -> s.caseNo().equals(caseNo)).findFirst().map(CaseSummary::status).orElse(null);
    }

    @Test
    void twoOfficersTakeAProblemCaseThroughOverrideAndSignOff() throws Exception {
        signIn("officer1", "demo-officer-1");

        // A clean case: start the review, approve it.
        String clean = caseNo(List.of(), CaseStatus.RECEIVED);
        openCase(clean);
        clickOn("#decision-start-review");
        waitFor(() -> lookup("#decision-outcome-APPROVE").tryQuery().isPresent(), 20);
        clickOn("#decision-outcome-APPROVE");
        clickOn("#decision-reason-ALL_CHECKS_PASSED");
        clickOn("#decision-submit");
        waitFor(() -> lookup(n -> n.getId() != null && n.getId().startsWith("decision-summary-")).tryQuery().isPresent(), 20);
        type(KeyCode.ESCAPE);
        waitFor(() -> statusOf(clean) == CaseStatus.DECIDED, 20);

        // A revoked licence: approving it is an override that waits for a supervisor.
        String problem = caseNo(List.of("LICENCE_REVOKED"), CaseStatus.IN_REVIEW);
        openCase(problem);
        clickOn("#decision-outcome-APPROVE");
        clickOn("#decision-reason-FINDINGS_RESOLVED_WITH_REGISTRY");
        for (Node ack : lookup(n -> n instanceof CheckBox && n.getId() != null && n.getId().startsWith("decision-ack-")).queryAll()) {
            interact(() -> ((CheckBox) ack).setSelected(true));
        }
        decisionText("decision-justification", "The registry confirmed by telephone that the revocation was entered in error.");
        decisionText("decision-rationale", "Approved on the registry's confirmation; see justification.");
        clickOn("#decision-submit");
        try {
            waitFor(() -> lookup(n -> n.getId() != null && n.getId().startsWith("decision-summary-")).tryQuery().isPresent()
                    || !lookup(".decision-problem").queryAll().isEmpty(), 20);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("panel: " + lookup("#decision-panel").lookup(".label").queryAllAs(Label.class).stream()
                    .map(Label::getText).toList() + " buttons " + lookup("#decision-panel").lookup(".button").queryAll().stream()
                    .map(n -> n.getId() + (n.isDisabled() ? "(disabled)" : "")).toList());
        }
        assertEquals(List.of(), lookup(".decision-problem").queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertTrue(lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                && l.getText().contains("须由另一位主管签批")), "the officer sees that another supervisor must sign off");
        type(KeyCode.ESCAPE);
        waitFor(() -> statusOf(problem) == CaseStatus.PENDING_SIGNOFF, 20);

        // The supervisor signs in, finds it under "awaiting my sign-off", and signs it off.
        clickOn("文件").clickOn("#menu-sign-out");
        waitFor(() -> lookup("#signin-username").tryQuery().isPresent(), 20);
        signIn("supervisor", "demo-supervisor");
        clickOn("#queue-view-AWAITING_MY_SIGNOFF");
        TableView<CaseSummary> table = lookup("#queue-table").queryTableView();
        waitFor(() -> table.getItems().stream().anyMatch(c -> c.caseNo().equals(problem)), 10);
        assertTrue(table.getItems().stream().allMatch(c -> c.status() == CaseStatus.PENDING_SIGNOFF));
        clickOn("#queue-view-ALL");
        openCase(problem);
        decisionText("decision-signoff-note", "Registry confirmation seen.");
        clickOn("#decision-signoff");
        waitFor(() -> lookup("#decision-done").tryQuery().isPresent(), 20);
        type(KeyCode.ESCAPE);
        waitFor(() -> statusOf(problem) == CaseStatus.DECIDED, 20);

        // Every step is in the audit log, and the chain verifies.
        clickOn("文件").clickOn("#menu-audit");
        waitFor(() -> lookup("#audit-table").tryQuery().isPresent(), 20);
        TableView<AuditEntry> audit = lookup("#audit-table").queryTableView();
        waitFor(() -> !audit.getItems().isEmpty(), 20);
        Set<String> actions = new java.util.HashSet<>();
        audit.getItems().forEach(e -> actions.add(e.action().name()));
        assertTrue(actions.containsAll(Set.of("SIGN_IN", "CASE_OPENED_FOR_REVIEW", "DECISION", "OVERRIDE", "SIGN_OFF")), actions.toString());
        clickOn("#audit-verify");
        waitFor(() -> !lookup("#audit-verify-result").queryAs(Label.class).getText().isBlank(), 20);
        assertTrue(lookup("#audit-verify-result").queryAs(Label.class).getStyleClass().stream()
                .noneMatch(s -> s.contains("danger")), lookup("#audit-verify-result").queryAs(Label.class).getText());
    }
}
