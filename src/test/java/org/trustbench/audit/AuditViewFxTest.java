package org.trustbench.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
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
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;

/** The audit view in a real (headless Monocle) window on a real store. */
@ExtendWith(ApplicationExtension.class)
class AuditViewFxTest {

    /** Tasks run on the calling thread, so every step has finished when the robot looks. */
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    static Path tmp;

    private Store store;
    private AuditRepository audit;
    private AuditViewModel vm;
    private AuditView view;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        store = Store.open(new DataFolder(tmp.resolve("fx-" + System.nanoTime())), Workspace.REAL);
        AuditRepositoryTest.TestClock clock =
                new AuditRepositoryTest.TestClock(Instant.parse("2026-11-20T02:00:00Z"), AuditRepositoryTest.SHANGHAI);
        audit = new AuditRepository(store.dsl(), clock);
        AuditRepositoryTest.appendSample(audit, clock, 20); // seq 1..14 on 20 Nov, 15..20 on 21 Nov (Shanghai)
        i18n = new I18n(Messages.ENGLISH);
        vm = new AuditViewModel(audit, SAME_THREAD);
        view = new AuditView(vm, i18n);
        vm.reload();
        stage.setScene(new Scene(view.root(), 1100, 700));
        stage.show();
    }

    @AfterEach
    void closeStore() throws Exception {
        FxToolkit.cleanupStages();
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                view.dispose();
                vm.close();
            }).get();
        }
        store.close();
    }

    private TableView<AuditEntry> table(FxRobot robot) {
        return robot.lookup("#audit-table").queryTableView();
    }

    private List<Long> seqs(FxRobot robot) {
        return table(robot).getItems().stream().map(AuditEntry::seq).toList();
    }

    private Label result(FxRobot robot) {
        return robot.lookup("#audit-verify-result").queryAs(Label.class);
    }

    @Test
    void listsEveryEntryNewestFirstWithTranslatedActions(FxRobot robot) {
        assertEquals(20, table(robot).getItems().size());
        assertEquals(20L, seqs(robot).get(0));
        assertEquals("20 entries", robot.lookup("#audit-count").queryAs(Label.class).getText());
        assertTrue(robot.lookup("Decision").tryQuery().isPresent(), "the action column is translated");
        assertTrue(robot.lookup("Case opened for review").tryQuery().isPresent());
        assertEquals("Action", table(robot).getColumns().get(3).getText());
        robot.interact(() -> i18n.setLocale(Messages.CHINESE));
        assertEquals("操作", table(robot).getColumns().get(3).getText());
        assertTrue(robot.lookup("作出决定").tryQuery().isPresent());
    }

    @Test
    void filteringByUserCaseAndDateNarrowsTheList(FxRobot robot) {
        robot.clickOn("#audit-filter-user").write("zhang.wei");
        assertEquals(List.of(18L, 15L, 12L, 9L, 6L, 3L), seqs(robot));
        assertTrue(table(robot).getItems().stream().allMatch(e -> e.username().equals("zhang.wei")));

        TextField subject = robot.lookup("#audit-filter-subject").queryAs(TextField.class);
        robot.interact(() -> subject.setText("ba-1"));
        assertEquals(List.of(18L, 15L, 12L), seqs(robot));

        DatePicker from = robot.lookup("#audit-filter-from").queryAs(DatePicker.class);
        robot.interact(() -> from.setValue(LocalDate.of(2026, 11, 21)));
        assertEquals(List.of(18L, 15L), seqs(robot));
        DatePicker to = robot.lookup("#audit-filter-to").queryAs(DatePicker.class);
        robot.interact(() -> {
            from.setValue(null);
            to.setValue(LocalDate.of(2026, 11, 20));
        });
        assertEquals(List.of(12L), seqs(robot));

        robot.clickOn("#audit-filter-clear");
        assertEquals(20, table(robot).getItems().size());
        assertEquals("", robot.lookup("#audit-filter-user").queryAs(TextField.class).getText());
        assertEquals(null, to.getValue());
    }

    @Test
    void verifyShowsOkInGreen(FxRobot robot) {
        assertEquals("", result(robot).getText());
        robot.clickOn("#audit-verify");
        assertEquals("OK: the chain is intact, 20 entries verified.", result(robot).getText());
        assertTrue(result(robot).getStyleClass().contains("success"));
        assertFalse(robot.lookup("#audit-verify").queryAs(Button.class).isDisabled());
    }

    @Test
    void afterADirectUpdateVerifyNamesTheAlteredEntryInRed(FxRobot robot) {
        robot.clickOn("#audit-verify");
        assertTrue(result(robot).getStyleClass().contains("success"));

        assertEquals(1, store.dsl().execute("UPDATE audit_log SET subject = 'BA-999' WHERE seq = 7"));
        robot.clickOn("#audit-verify");
        assertEquals("Entry 7 was altered: its content no longer matches its hash.", result(robot).getText());
        assertTrue(result(robot).getStyleClass().contains("danger"));
        assertFalse(result(robot).getStyleClass().contains("success"));
        assertEquals(7L, table(robot).getSelectionModel().getSelectedItem().seq(), "the altered entry is selected");

        robot.interact(() -> i18n.setLocale(Messages.CHINESE));
        assertEquals("第 7 条记录已被篡改：其内容与哈希值不符。", result(robot).getText());
    }

    @Test
    void theWindowListsTheEntriesAndReleasesTheViewWhenClosed(FxRobot robot) throws Exception {
        AuditViewModel own = new AuditViewModel(audit, SAME_THREAD);
        Stage window = WaitForAsyncUtils.asyncFx(() -> AuditWindow.show(null, own, i18n)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isShowing());
        assertEquals("Audit log \u2014 TrustBench", window.getTitle());
        assertEquals(20, own.entries().size());
        robot.interact(window::close);
        robot.interact(() -> own.userFilterProperty().set("li.na"));
        assertEquals(20, own.entries().size(), "a closed view model no longer lists");
    }
}
