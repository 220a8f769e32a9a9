package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.ServiceType;
import org.trustbench.i18n.Messages;
import org.trustbench.shell.MainView;
import org.trustbench.training.Dataset;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;

/** The workbench in a real (headless Monocle) window on a real demo store. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    /** Tasks run on the calling thread, so every step has finished when the robot looks. */
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    static Path tmp;

    private AppServices services;
    private MainView view;
    private Dataset dataset;

    @Start
    void start(Stage stage) {
        services = AppServices.open(new DataFolder(tmp.resolve("fx-" + System.nanoTime())), Workspace.DEMO, CLOCK);
        dataset = services.demoWorkspace().reset(services.demoWorkspace().source("default"));
        I18n i18n = new I18n(Messages.CHINESE);
        view = Workbench.create(services, TestSessions.officer(), i18n, SAME_THREAD, new RecordingDialogs(), stage::close, () -> { });
        stage.setScene(new Scene(view.root(), 1300, 800));
        stage.show();
    }

    @AfterEach
    void closeStore() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        if (view != null) {
            WaitForAsyncUtils.asyncFx(view::dispose).get();
        }
        services.close();
    }

    private TableView<CaseSummary> table(FxRobot robot) {
        return robot.lookup("#queue-table").queryTableView();
    }

    @Test
    void opensTheQueueWithEveryDemoCase(FxRobot robot) {
        assertEquals(dataset.batch().cases().size(), table(robot).getItems().size());
        Label counts = robot.lookup("#status-counts").queryAs(Label.class);
        assertTrue(counts.getText().startsWith("共 " + dataset.batch().cases().size() + " 件"), counts.getText());
        assertTrue(robot.lookup("#demo-banner").queryAs(Label.class).getText().contains("演示"));
        assertTrue(robot.lookup("#status-folder").queryAs(Label.class).getText().contains(services.store().folder().toString()));
    }

    @Test
    void searchesInChineseAndInEnglish(FxRobot robot) {
        FilingCase target = dataset.batch().cases().stream().filter(c -> c.provider().nameEn() != null)
                .findFirst().orElseThrow();
        String zhFragment = target.provider().nameZh().substring(2, 5);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField search = robot.lookup("#queue-search").queryAs(TextField.class);
        assertTrue(search.isFocused(), "Ctrl+F focuses the search box");
        robot.interact(() -> search.setText(zhFragment)); // Chinese arrives through the IME, not key presses
        List<CaseSummary> rows = table(robot).getItems();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.providerNameZh().contains(zhFragment)), zhFragment);
        assertTrue(rows.stream().anyMatch(r -> r.caseNo().equals(target.caseNo())));

        robot.interact(search::clear);
        String enWord = target.provider().nameEn().split(" ")[1];
        robot.clickOn(search).write(enWord.toLowerCase(java.util.Locale.ROOT));
        rows = table(robot).getItems();
        assertTrue(rows.stream().anyMatch(r -> r.caseNo().equals(target.caseNo())), enWord);
        assertTrue(rows.stream().allMatch(r -> r.providerNameEn() != null
                && r.providerNameEn().toLowerCase(java.util.Locale.ROOT).contains(enWord.toLowerCase(java.util.Locale.ROOT))));

        robot.interact(search::clear);
        robot.clickOn(search).write(target.caseNo());
        assertEquals(List.of(target.caseNo()), table(robot).getItems().stream().map(CaseSummary::caseNo).toList());
    }

    @Test
    void filtersByStatusAndService(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<CaseStatus> status = robot.lookup("#queue-status-filter").queryAs(ComboBox.class);
        robot.interact(() -> status.setValue(CaseStatus.IN_REVIEW));
        long expected = dataset.batch().cases().stream().filter(c -> c.status() == CaseStatus.IN_REVIEW).count();
        assertTrue(expected > 0);
        assertEquals(expected, table(robot).getItems().size());
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.status() == CaseStatus.IN_REVIEW));

        @SuppressWarnings("unchecked")
        ComboBox<ServiceType> service = robot.lookup("#queue-service-filter").queryAs(ComboBox.class);
        robot.interact(() -> service.setValue(ServiceType.PAVER_3D_CALIBRATION));
        long both = dataset.batch().cases().stream().filter(c -> c.status() == CaseStatus.IN_REVIEW
                && c.services().contains(ServiceType.PAVER_3D_CALIBRATION)).count();
        assertEquals(both, table(robot).getItems().size());
        Label count = robot.lookup("#queue-count").queryAs(Label.class);
        assertEquals("显示 " + both + " / 共 " + dataset.batch().cases().size() + " 件", count.getText());
    }

    @Test
    void selectingACaseShowsItsProviderAndEvidenceAndArrowsMoveOn(FxRobot robot) {
        TableView<CaseSummary> table = table(robot);
        CaseSummary first = table.getItems().get(0);
        javafx.scene.control.ToggleButton preview = robot.lookup("#queue-preview-toggle").queryAs(javafx.scene.control.ToggleButton.class);
        if (!preview.isSelected()) {
            robot.clickOn(preview);
        }
        robot.clickOn(first.caseNo());
        Label name = robot.lookup("#detail-name").queryAs(Label.class);
        assertEquals(first.providerNameZh(), name.getText());
        assertNotNull(robot.lookup("#detail-evidence").query());

        robot.type(KeyCode.DOWN);
        CaseSummary second = table.getItems().get(1);
        assertEquals(second, table.getSelectionModel().getSelectedItem());
        assertEquals(second.providerNameZh(), robot.lookup("#detail-name").queryAs(Label.class).getText());
    }

    @Test
    void sortingAColumnReordersTheQueue(FxRobot robot) {
        TableView<CaseSummary> table = table(robot);
        robot.clickOn("案件编号");
        List<String> numbers = table.getItems().stream().map(CaseSummary::caseNo).toList();
        List<String> sorted = numbers.stream().sorted().toList();
        assertEquals(sorted, numbers);
        robot.clickOn("案件编号");
        assertEquals(sorted.get(sorted.size() - 1), table.getItems().get(0).caseNo());
    }

    @Test
    void switchesLanguageInPlace(FxRobot robot) {
        TableView<CaseSummary> table = table(robot);
        TableColumn<CaseSummary, ?> firstColumn = table.getColumns().get(0);
        assertEquals("案件编号", firstColumn.getText());
        robot.clickOn("语言 (Language)").clickOn("English");
        assertEquals("Case no.", firstColumn.getText());
        assertTrue(robot.lookup("#status-counts").queryAs(Label.class).getText().startsWith(
                dataset.batch().cases().size() + " cases"));
        assertTrue(robot.lookup("#demo-banner").queryAs(Label.class).getText().startsWith("DEMO WORKSPACE"));
        robot.clickOn("Language (语言)").clickOn("中文");
        assertEquals("案件编号", firstColumn.getText());
    }

    @Test
    void aFirstPageAlreadyReadIsInTheWorkbenchsFirstFrameAndTheQueueWorks(FxRobot robot) throws Exception {
        org.trustbench.caseq.CaseQueueRepository.FirstPage page =
                services.caseQueueRepository().firstPage(org.trustbench.caseq.CaseQueueViewModel.FIRST_PAGE);
        Workbench.Opened[] opened = new Workbench.Opened[1];
        Stage[] stage = new Stage[1];
        List<Integer> rowsBeforeAnyPulse = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            opened[0] = Workbench.open(services, TestSessions.officer(), new I18n(Messages.CHINESE), SAME_THREAD,
                    new RecordingDialogs(), java.util.concurrent.CompletableFuture.completedFuture(page), () -> { }, () -> { });
            Scene scene = new Scene(opened[0].main().root(), 1300, 800);
            // Same FX event as the build: no CSS pass, layout or pulse yet. The table is in the scene graph (not inside a
            // split pane's skin still to be made) and has the rows, so the first frame drawn shows them.
            if (scene.lookup("#queue-table") instanceof TableView<?> t) {
                rowsBeforeAnyPulse.add(t.getItems().size());
            }
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
        }).get(60, java.util.concurrent.TimeUnit.SECONDS);
        try {
            assertEquals(List.of(page.rows().size()), rowsBeforeAnyPulse);
            // The rest of the workbench is there and the queue works (the index follows the first frame).
            Scene scene = stage[0].getScene();
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                    () -> scene.lookup("#status-counts") instanceof Label l && l.getText().contains("审核中"));
            assertNotNull(scene.lookup("#status-folder"));
            assertNotNull(scene.lookup("#demo-banner"));
            String target = dataset.batch().cases().get(3).caseNo();
            TextField search = (TextField) scene.lookup("#queue-search");
            robot.interact(() -> search.setText(target));
            @SuppressWarnings("unchecked")
            TableView<CaseSummary> table = (TableView<CaseSummary>) scene.lookup("#queue-table");
            assertEquals(List.of(target), table.getItems().stream().map(CaseSummary::caseNo).toList());
            // The preview goes beside the queue and away again; the queue stays in the window throughout.
            javafx.scene.control.ToggleButton preview = (javafx.scene.control.ToggleButton) scene.lookup("#queue-preview-toggle");
            boolean was = preview.isSelected();
            robot.interact(() -> {
                preview.fire();
                scene.getRoot().applyCss();
            });
            assertEquals(!was, besidePreview(table), "preview shown with the toggle");
            robot.interact(() -> {
                preview.fire();
                scene.getRoot().applyCss();
            });
            assertEquals(was, besidePreview(table), "preview hidden with the toggle");
            assertTrue(scene.lookup("#queue-table") == table && table.getScene() == scene);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                stage[0].close();
                opened[0].dispose();
            }).get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Whether the queue's table sits in the split pane beside the preview (it is alone in the window otherwise). */
    private static boolean besidePreview(javafx.scene.Node table) {
        return java.util.stream.Stream.iterate(table.getParent(), java.util.Objects::nonNull, javafx.scene.Parent::getParent)
                .anyMatch(p -> p instanceof javafx.scene.control.SplitPane);
    }

    /** Records dialogs instead of blocking on them. */
    static final class RecordingDialogs implements DialogService {
        final List<String> shown = new java.util.ArrayList<>();

        @Override
        public void showError(String title, String message) {
            shown.add(message);
        }

        @Override
        public void showInfo(String title, String message) {
            shown.add(message);
        }

        @Override
        public boolean confirm(String title, String message) {
            shown.add(message);
            return true;
        }

        /** Where the next "save as" goes; empty means the user cancels. */
        java.nio.file.Path saveTo;

        @Override
        public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String initialName, String description,
                                                                     String extension) {
            shown.add(title);
            return java.util.Optional.ofNullable(saveTo).map(p -> p.resolve(initialName));
        }
    }
}
