package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start splash shows its progress bar only when the store takes a moment to open. */
@ExtendWith(ApplicationExtension.class)
class SplashProgressFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aSlowOpeningShowsTheProgressBarAfterTheDelay() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<Void> opening = new Task<>() {
            @Override
            protected Void call() throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return null;
            }
        };
        Thread worker = new Thread(opening);
        worker.setDaemon(true);
        worker.start();
        try {
            Splash s = show(opening);
            assertFalse(s.box.getChildren().contains(s.progress), "no progress bar at first");
            assertTrue(waitFor(() -> s.box.getChildren().contains(s.progress)), "the progress bar after the delay");
            assertTrue(s.box.getChildren().indexOf(s.progress) == 1, "below the title");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aQuickOpeningNeverShowsIt() throws Exception {
        Task<Void> opening = new Task<>() {
            @Override
            protected Void call() {
                return null;
            }
        };
        opening.run();
        Splash s = show(opening);
        Thread.sleep((long) TrustBenchApp.PROGRESS_DELAY.toMillis() * 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> s.slow.getStatus() == javafx.animation.Animation.Status.STOPPED).get());
        assertFalse(WaitForAsyncUtils.asyncFx(() -> s.box.getChildren().contains(s.progress)).get());
    }

    private record Splash(VBox box, ProgressBar progress, PauseTransition slow) {
    }

    private Splash show(Task<?> opening) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            VBox box = new VBox(new Label("title"), new Label("message"));
            ProgressBar progress = new ProgressBar();
            PauseTransition slow = TrustBenchApp.progressWhenSlow(box, 1, progress, opening);
            stage.setScene(new Scene(box, 300, 200));
            stage.show();
            slow.play();
            return new Splash(box, progress, slow);
        }).get();
    }

    private static boolean waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            if (WaitForAsyncUtils.asyncFx(condition).get()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
