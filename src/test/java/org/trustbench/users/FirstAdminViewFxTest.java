package org.trustbench.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;

/** Creating the first administrator of a new real store. */
@ExtendWith(ApplicationExtension.class)
class FirstAdminViewFxTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    static Path tmp;

    private UsersFixture f;
    private FirstAdminViewModel vm;
    private FirstAdminView view;

    @Start
    void start(Stage stage) {
        f = new UsersFixture(tmp.resolve("fx-" + System.nanoTime()), Workspace.REAL);
        vm = new FirstAdminViewModel(f.users, SAME_THREAD);
        view = new FirstAdminView(vm, new I18n(Messages.ENGLISH));
        stage.setScene(new Scene(view.root(), 800, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(view::dispose).get();
        f.close();
    }

    @Test
    void mismatchedOrShortPasswordsAreRefusedThenTheAdministratorIsCreated(FxRobot robot) {
        Label error = robot.lookup("#firstadmin-error").queryAs(Label.class);
        robot.clickOn("#firstadmin-username").write("admin");
        robot.clickOn("#firstadmin-name").write("Wang Lixin");
        robot.clickOn("#firstadmin-officer-id").write("SH-PD-0001");
        robot.clickOn("#firstadmin-password").write("long-enough-pw");
        robot.clickOn("#firstadmin-confirm").write("long-enough-pX");
        robot.clickOn("#firstadmin-submit");
        assertEquals("The two passwords differ.", error.getText());
        assertFalse(f.users.hasUsers());

        robot.clickOn("#firstadmin-password").eraseText(14).write("short");
        robot.clickOn("#firstadmin-confirm").write("short");
        robot.clickOn("#firstadmin-submit");
        assertEquals("A password needs at least 10 characters.", error.getText());

        robot.clickOn("#firstadmin-password").eraseText(5).write("long-enough-pw");
        robot.clickOn("#firstadmin-confirm").eraseText(5).write("long-enough-pw");
        robot.clickOn("#firstadmin-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible(), error.getText());
        assertTrue(robot.lookup("#firstadmin-done").queryAs(Label.class).getText().contains("admin"));
        User admin = f.users.find("admin").orElseThrow();
        assertEquals(Set.of(Role.ADMINISTRATOR), admin.roles());
        assertEquals("Wang Lixin", admin.displayName());
        assertEquals("admin", f.auth.signIn("admin", "long-enough-pw".toCharArray()).username());
        assertFalse(f.auditLogText().contains("long-enough-pw"));
    }
}
