package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.FilingCase;
import org.trustbench.i18n.Messages;
import org.trustbench.intake.IntakeBatch;
import org.trustbench.sync.DemoPackageService;
import org.trustbench.sync.conflict.Conflict;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictStatus;
import org.trustbench.sync.ui.HistoryRow;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/**
 * The Sync screen in real (headless Monocle) windows on a real demo store: open it from the keyboard, export with a
 * progress bar and a history row, import a central package that conflicts with a local case, and resolve the conflict.
 * Tasks wait in a queue until the test releases them, so the robot sees each job while it runs.
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreenFxTest {

    private static final ClassLoader LOADER = SyncScreenFxTest.class.getClassLoader();
    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);

    @TempDir
    static Path tmp;

    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private final Executor holding = held::add;
    private final Dialogs dialogs = new Dialogs();
    private static AppServices services;
    private static Dataset dataset;
    private static Clock clock;
    private Workbench.Opened workbench;

    /** The store is prepared before the window opens (checking every case takes a while on a busy machine). */
    @BeforeAll
    static void prepareStore() {
        dataset = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        services = AppServices.open(new DataFolder(tmp.resolve("fx-" + System.nanoTime())), Workspace.DEMO, clock);
        services.prepare((d, t) -> { }, () -> false);
        int decided = 0;
        for (CaseSummary c : services.caseQueueRepository().findAllSummaries()) {
            if (decided < 2 && c.status() == CaseStatus.IN_REVIEW && c.findingCount() == 0) {
                services.decisions().decide(OFFICER, new DecisionDraft(c.id(), Outcome.APPROVE,
                        List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(), Set.of(), "", null));
                decided++;
            }
        }
        assertEquals(2, decided);
    }

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Messages.CHINESE);
        workbench = Workbench.open(services, TestSessions.officer(), i18n, holding, dialogs, stage::close, () -> { });
        stage.setScene(new Scene(workbench.main().root(), 1300, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            held.clear();
            workbench.dispose();
        }).get();
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @AfterAll
    static void closeStore() {
        services.close();
    }

    /** Runs every held task (and those they start) on the FX thread, then lets their results arrive. */
    private void release(FxRobot robot) {
        for (int round = 0; round < 20; round++) {
            robot.interact(() -> {
                while (!held.isEmpty()) {
                    held.poll().run();
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (held.isEmpty()) {
                WaitForAsyncUtils.waitForFxEvents();
                if (held.isEmpty()) {
                    return;
                }
            }
        }
        throw new AssertionError("tasks keep coming: " + held.size());
    }

    private static void waitFor(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
    }

    /** A central package of the demo dataset in which one received case has another deadline than here. */
    private static String writeConflictingPackage(Path file) {
        FilingCase changed = dataset.batch().cases().stream().filter(c -> c.status() == CaseStatus.RECEIVED)
                .sorted(java.util.Comparator.comparing(FilingCase::caseNo)).findFirst().orElseThrow();
        List<FilingCase> cases = new ArrayList<>();
        for (FilingCase c : dataset.batch().cases()) {
            cases.add(c != changed ? c : new FilingCase(c.id(), c.caseNo(), c.provider(), c.districtCode(), c.platform(),
                    c.receivedOn(), c.deadlineOn().plusDays(7), c.status(), c.assignee(), c.services(), c.performer(),
                    c.subcontractDeclared(), c.equipment(), c.evidence()));
        }
        IntakeBatch b = dataset.batch();
        Dataset altered = new Dataset(dataset.name(), dataset.titleZh(), dataset.titleEn(), dataset.referenceDate(),
                new IntakeBatch(b.providers(), cases, b.blobs(), b.issuers()), dataset.scenarios());
        new DemoPackageService(LOADER, clock).write(altered, file, Path.of(DemoPackageService.DEFAULT_KEY_FILE));
        return changed.caseNo();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void exportImportAndResolveAConflict(FxRobot robot) throws Exception {
        release(robot); // the queue's first load
        MenuItem menu = ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query()).getMenus().get(0).getItems().stream()
                .filter(i -> "menu-sync".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("同步…", menu.getText());

        robot.clickOn("#queue-table");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitFor(() -> robot.lookup("#sync-view").tryQuery().isPresent());
        release(robot);
        assertEquals(services.workstationKeys().fingerprint(),
                robot.lookup("#sync-fingerprint").queryAs(TextInputControl.class).getText());
        TableView<HistoryRow> history = robot.lookup("#sync-history").queryTableView();
        assertEquals(0, history.getItems().size());

        // Export: the bar and Cancel show while the job runs; then a history row, a status line and a toast.
        Path out = Files.createDirectories(tmp.resolve("out-" + System.nanoTime()));
        dialogs.directory = out;
        robot.clickOn("#sync-export");
        ProgressBar bar = robot.lookup("#sync-export-progress").queryAs(ProgressBar.class);
        assertTrue(bar.isVisible(), "the progress bar shows while the export runs");
        assertTrue(robot.lookup("#sync-export-cancel").queryAs(Button.class).isVisible());
        assertTrue(robot.lookup("#sync-export").queryAs(Button.class).isDisabled(), "one export at a time");
        List<Double> seen = new ArrayList<>();
        robot.interact(() -> bar.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue())));
        release(robot);
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "the bar moved: " + seen);
        assertFalse(bar.isVisible());
        assertEquals(1, history.getItems().size());
        assertTrue(history.getItems().get(0).outbound());
        Path exported;
        try (var files = Files.list(out)) {
            exported = files.findFirst().orElseThrow();
        }
        assertTrue(text(robot, "#sync-export-status").contains(exported.getFileName().toString()),
                text(robot, "#sync-export-status"));
        waitFor(() -> robot.lookup("#toast").tryQuery().isPresent());
        assertTrue(robot.lookup("#toast").queryAs(Label.class).getText().startsWith("已导出"),
                robot.lookup("#toast").queryAs(Label.class).getText());

        // Import: the chosen file waits for confirmation; nothing is imported before.
        Path pkg = tmp.resolve("central-" + System.nanoTime() + ".tbsync");
        String caseNo = writeConflictingPackage(pkg);
        dialogs.file = pkg;
        robot.clickOn("#sync-import");
        release(robot);
        assertTrue(robot.lookup("#sync-import-pending").queryAs(Label.class).getText().contains(pkg.getFileName().toString()));
        assertEquals(1, history.getItems().size(), "not imported before confirmation");
        robot.clickOn("#sync-import-confirm");
        assertTrue(robot.lookup("#sync-import-progress").queryAs(ProgressBar.class).isVisible());
        release(robot);
        assertEquals(2, history.getItems().size());
        assertTrue(text(robot, "#sync-import-status").contains("冲突"), text(robot, "#sync-import-status"));
        waitFor(() -> robot.lookup("#toast").queryAs(Label.class).getText().startsWith("导入完成"));

        // The conflict: the badge on the tab and the menu, values side by side, the difference highlighted.
        TabPane tabs = (TabPane) robot.lookup(".tab-pane").queryAll().stream().filter(n -> n instanceof TabPane)
                .filter(n -> ((TabPane) n).getTabs().stream().anyMatch(t -> "sync-tab-conflicts".equals(t.getId())))
                .findFirst().orElseThrow();
        Tab conflictsTab = tabs.getTabs().get(1);
        assertEquals("冲突（1）", conflictsTab.getText());
        assertEquals("同步…（1 个待处理冲突）", menu.getText());
        robot.interact(() -> tabs.getSelectionModel().select(conflictsTab));
        TableView<Conflict> list = robot.lookup("#conflict-list").queryTableView();
        assertEquals(1, list.getItems().size());
        assertEquals(caseNo, list.getItems().get(0).caseNo());
        robot.interact(() -> list.getSelectionModel().select(0));
        TableView<ConflictField> fields = robot.lookup("#conflict-fields").queryTableView();
        assertTrue(fields.getItems().stream().anyMatch(f -> f.name().equals("deadlineOn") && f.differs()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".conflict-differs").queryAll().isEmpty(), "the differing row is highlighted");
        int deadline = fields.getItems().indexOf(fields.getItems().stream().filter(f -> f.name().equals("deadlineOn"))
                .findFirst().orElseThrow());
        assertEquals("办理期限", fields.getColumns().get(0).getCellData(deadline), "the field label comes from the bundle");
        Button apply = robot.lookup("#conflict-apply-incoming").queryAs(Button.class);
        assertTrue(apply.isDisabled(), "a note is required");
        TextInputControl note = robot.lookup("#conflict-note").queryAs(TextInputControl.class);
        robot.interact(() -> note.setText("中心已更正办理期限"));
        assertFalse(apply.isDisabled());
        robot.interact(apply::fire); // a click could land on the import's toast, which may still cover the corner
        release(robot);
        assertEquals(0, list.getItems().size());
        assertEquals("冲突", conflictsTab.getText());
        assertEquals("同步…", menu.getText());
        assertTrue(text(robot, "#conflict-status").contains("已处理"), text(robot, "#conflict-status"));
        Conflict resolved = services.conflicts().all().get(0);
        assertEquals(ConflictStatus.APPLIED_INCOMING, resolved.status());
        assertEquals("officer1", resolved.resolvedBy());
        FilingCase now = services.caseQueueRepository().findCase(services.caseQueueRepository().findAllSummaries().stream()
                .filter(s -> s.caseNo().equals(caseNo)).findFirst().orElseThrow().id()).orElseThrow();
        FilingCase before = dataset.batch().cases().stream().filter(c -> c.caseNo().equals(caseNo)).findFirst().orElseThrow();
        assertEquals(before.deadlineOn().plusDays(7), now.deadlineOn(), "the incoming deadline was applied");
        assertNotNull(robot.lookup("#sync-view").query());
    }

    /** Answers the folder and file choosers with what the test set. */
    static final class Dialogs implements DialogService {
        Path directory;
        Path file;
        final List<String> errors = new ArrayList<>();

        @Override
        public void showError(String title, String message) {
            errors.add(message);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String initialName, String extensionDescription, String extension) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseDirectory(String title) {
            return Optional.ofNullable(directory);
        }

        @Override
        public Optional<Path> chooseOpenFile(String title, String extensionDescription, String extension) {
            return Optional.ofNullable(file);
        }
    }
}
