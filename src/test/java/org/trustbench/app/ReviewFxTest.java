package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.Messages;
import org.trustbench.shell.MainView;
import org.trustbench.training.Dataset;
import org.trustbench.ui.I18n;

/** The review screen on a real demo store in a headless window. */
@ExtendWith(ApplicationExtension.class)
class ReviewFxTest {

    private static final Executor SAME_THREAD = Runnable::run;
    @TempDir
    static Path tmp;

    private AppServices services;
    private MainView view;
    private Dataset dataset;

    @Start
    void start(Stage stage) {
        services = AppServices.open(new DataFolder(tmp.resolve("review-" + System.nanoTime())), Workspace.DEMO, Clock.systemUTC());
        dataset = services.demoWorkspace().reset(services.demoWorkspace().source("default"));
        Clock atReference = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        services.close();
        services = AppServices.open(new DataFolder(tmp.resolve("review-" + System.nanoTime())), Workspace.DEMO, atReference);
        services.demoWorkspace().reset(services.demoWorkspace().source("default"));
        services.checks().checkAll("test", (d, t) -> { }, () -> false);
        view = Workbench.create(services, TestSessions.officer(), new I18n(Messages.CHINESE), SAME_THREAD, new WorkbenchFxTest.RecordingDialogs(),
                stage::close, () -> { });
        stage.setScene(new Scene(view.root(), 1500, 950));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(view::dispose).get();
        services.close();
    }

    private String caseWith(String tag) {
        return dataset.scenarios().entrySet().stream().filter(e -> e.getValue().equals(List.of(tag))).map(java.util.Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
    }

    private void open(FxRobot robot, String caseNo) {
        TextField search = robot.lookup("#queue-search").queryAs(TextField.class);
        robot.interact(() -> search.setText(caseNo));
        TableView<CaseSummary> table = robot.lookup("#queue-table").queryTableView();
        assertEquals(1, table.getItems().size());
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitForReview(robot);
    }

    /** The review screen is built when the first case is opened: on a loaded machine that can outlast the key event. */
    private static void waitForReview(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup("#review-name").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the review did not open", e);
        }
    }

    @Test
    void aNameMismatchIsHighlightedAndExplainedAndLeadsToItsEvidence(FxRobot robot) {
        String caseNo = caseWith("NAME_MISMATCH");
        open(robot, caseNo);
        assertTrue(robot.lookup("#review").tryQuery().isPresent(), "Enter opens the review");

        // The disagreeing source is highlighted in the grid; clicking it shows the normalised value and the reason.
        assertFalse(robot.lookup(".grid-differs").queryAll().isEmpty(), "a highlighted cell");
        Node cell = robot.lookup(".grid-differs").query();
        assertTrue(cell.getId().startsWith("grid-NAME-"), cell.getId());
        robot.clickOn(cell);
        String detail = robot.lookup("#grid-cell-detail").queryAs(Label.class).getText();
        assertTrue(detail.contains("归一化后") && detail.contains("归一化后仍与登记机关不一致"), detail);

        // The finding explains it, and following it (F8) highlights the evidence.
        ListView<Finding> findings = robot.lookup("#review-findings").queryListView();
        assertEquals(List.of("NAME-MISMATCH"), findings.getItems().stream().map(Finding::ruleId).distinct().toList());
        robot.type(KeyCode.F8);
        assertEquals(findings.getItems().get(0), findings.getSelectionModel().getSelectedItem());
        assertTrue(robot.lookup(".evidence-highlight").queryAll().stream().anyMatch(n -> n.getId() != null
                && n.getId().startsWith("evidence-item-")), "F8 lights the evidence item the finding names");
        assertTrue(robot.lookup(".evidence-highlight").queryAll().contains(cell), "and its cell in the grid");

        // The three checks: the name belongs to the real-person check.
        assertTrue(robot.lookup("#check-REAL_PERSON").query().getStyleClass().contains("check-red"));
        assertTrue(robot.lookup("#check-PREMISES").query().getStyleClass().contains("check-green"));
    }

    @Test
    void keysMoveBetweenCasesAndBackToTheQueue(FxRobot robot) {
        TableView<CaseSummary> table = robot.lookup("#queue-table").queryTableView();
        CaseSummary first = table.getItems().get(0);
        CaseSummary second = table.getItems().get(1);
        robot.clickOn(first.caseNo()).type(KeyCode.ENTER);
        waitForReview(robot);
        assertEquals(first.providerNameZh(), robot.lookup("#review-name").queryAs(Label.class).getText());
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        assertEquals(second.providerNameZh(), robot.lookup("#review-name").queryAs(Label.class).getText());
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        assertEquals(first.providerNameZh(), robot.lookup("#review-name").queryAs(Label.class).getText());
        robot.type(KeyCode.ESCAPE);
        assertTrue(robot.lookup("#review").tryQuery().isEmpty(), "Esc leaves the review for the queue");
        assertTrue(robot.lookup("#queue-table").tryQuery().isPresent());
        assertEquals(first, table.getSelectionModel().getSelectedItem(), "the queue keeps the reviewed case selected");
    }

    @Test
    void anInvalidRegistrySignatureShowsOnTheLicence(FxRobot robot) {
        open(robot, caseWith("SIGNATURE_INVALID"));
        ListView<Finding> findings = robot.lookup("#review-findings").queryListView();
        assertEquals(List.of("SIG-REGISTRY"), findings.getItems().stream().map(Finding::ruleId).toList());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> "签名无效".equals(l.getText())));
    }

    @Test
    void anAttachmentOpensInTheViewer(FxRobot robot) {
        open(robot, caseWith("NAME_MISMATCH"));
        Node button = robot.lookup(".button").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("attachments-")).findFirst().orElseThrow();
        robot.clickOn(button);
        List<Window> windows = robot.listWindows();
        assertTrue(windows.stream().anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("附件")),
                "an attachment window opened: " + windows.stream().map(w -> w instanceof Stage s ? s.getTitle() : "?").toList());
        Node image = robot.lookup("#attachment-left").lookup("#attachment-image").query();
        assertTrue(image.getBoundsInLocal().getWidth() > 0);
    }
}
