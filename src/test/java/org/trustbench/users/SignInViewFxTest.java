package org.trustbench.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/** The sign-in screen in a real (headless Monocle) window, checking passwords against a real store. */
@ExtendWith(ApplicationExtension.class)
class SignInViewFxTest {

    @TempDir
    static Path tmp;

    /** Runs tasks at once (so a step has finished when the robot looks) unless a test defers them. */
    private final List<Runnable> deferred = new ArrayList<>();
    private boolean defer;
    private final Executor executor = r -> {
        if (defer) {
            deferred.add(r);
        } else {
            r.run();
        }
    };

    private UsersFixture f;
    private SignInViewModel vm;
    private SignInView view;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        f = new UsersFixture(tmp.resolve("fx-" + System.nanoTime()), Workspace.DEMO);
        f.users.ensureDemoUsers(Workspace.DEMO);
        vm = new SignInViewModel(f.auth, executor);
        i18n = new I18n(Messages.ENGLISH);
        view = new SignInView(vm, i18n, true);
        stage.setScene(new Scene(view.root(), 640, 480));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(view::dispose).get();
        f.close();
    }

    private static Label error(FxRobot robot) {
        return robot.lookup("#signin-error").queryAs(Label.class);
    }

    @Test
    void aWrongPasswordShowsTheErrorAndTheRightOneSignsIn(FxRobot robot) {
        assertTrue(robot.lookup("#signin-demo-hint").queryAs(Label.class).getText().contains("docs/demo-users.md"));
        assertFalse(error(robot).isVisible());

        robot.clickOn("#signin-username").write("officer1");
        robot.clickOn("#signin-password").write("not-the-password").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error(robot).isVisible());
        assertEquals("Wrong user name or password.", error(robot).getText());
        assertEquals("", robot.lookup("#signin-password").queryAs(PasswordField.class).getText(), "the password is emptied");
        assertEquals("officer1", robot.lookup("#signin-username").queryAs(TextField.class).getText());
        assertNull(vm.sessionProperty().get());

        robot.interact(() -> i18n.setLocale(Messages.CHINESE));
        assertEquals("用户名或密码错误。", error(robot).getText(), "the error follows the language");
        robot.interact(() -> i18n.setLocale(Messages.ENGLISH));

        robot.clickOn("#signin-password").write("demo-officer-1");
        robot.clickOn("#signin-submit");
        WaitForAsyncUtils.waitForFxEvents();
        Session session = vm.sessionProperty().get();
        assertNotNull(session);
        assertEquals("officer1", session.username());
        assertEquals("李敏", session.user().displayName());
        assertFalse(error(robot).isVisible());
        assertEquals(List.of("SIGN_IN_FAILED", "SIGN_IN"), f.auditActions().subList(f.auditActions().size() - 2,
                f.auditActions().size()));
    }

    @Test
    void theCheckRunsOnTheExecutorNotOnTheFxThreadAndTheFormWaits(FxRobot robot) throws Exception {
        defer = true;
        robot.clickOn("#signin-username").write("supervisor");
        robot.clickOn("#signin-password").write("demo-supervisor").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, deferred.size(), "handed to the executor");
        assertTrue(vm.busyProperty().get());
        assertTrue(robot.lookup("#signin-submit").queryAs(Button.class).isDisabled());
        assertNull(vm.sessionProperty().get());

        Thread worker = new Thread(deferred.get(0), "sign-in-test-worker");
        worker.start();
        worker.join(30_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.busyProperty().get());
        assertEquals("supervisor", vm.sessionProperty().get().username());
        assertTrue(vm.sessionProperty().get().can(Action.SIGN_OFF));
    }

    @Test
    void emptyFieldsAndALockedAccountAreExplained(FxRobot robot) {
        robot.clickOn("#signin-submit");
        assertEquals("Enter your user name and password.", error(robot).getText());
        robot.clickOn("#signin-username").write("officer2");
        for (int i = 0; i < AuthService.DEFAULT_MAX_FAILURES; i++) {
            robot.clickOn("#signin-password").write("wrong-" + i).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(error(robot).getText().contains("locked until 2026-11-20 10:15"), error(robot).getText());
        robot.clickOn("#signin-password").write("demo-officer-2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error(robot).getText().startsWith("The account officer2 is locked until 2026-11-20 10:15"),
                error(robot).getText());
        assertNull(vm.sessionProperty().get());
    }
}
