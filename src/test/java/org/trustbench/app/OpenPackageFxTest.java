package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.sync.DemoPackageService;
import org.trustbench.sync.ui.HistoryRow;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;

/**
 * Opening the application with a package (the .tbsync file association): after sign-in the Sync screen offers the
 * file for import, and nothing is imported until the officer confirms. A missing file is named in a clear message.
 */
class OpenPackageFxTest extends FxRobot {

    @TempDir
    Path tmp;
    private javafx.application.Application app;

    private void launch(Path file) throws Exception {
        Dataset dataset = DatasetReader.read(DatasetSource.classpath("default", getClass().getClassLoader()));
        Clock clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new TrustBenchApp(new LaunchOptions(new DataFolder(tmp.resolve("data")),
                Workspace.DEMO, file), Locale.ENGLISH, clock));
        waitFor(() -> lookup("#signin-username").tryQuery().isPresent(), 90);
        assertTrue(lookup("#sync-view").tryQuery().isEmpty(), "nothing is shown before sign-in");
        TextInputControl name = lookup("#signin-username").queryAs(TextInputControl.class);
        TextInputControl pass = lookup("#signin-password").queryAs(TextInputControl.class);
        interact(() -> {
            name.setText("officer1");
            pass.setText("demo-officer-1");
        });
        clickOn("#signin-submit");
        waitFor(() -> lookup("#queue-table").tryQuery().isPresent(), 60);
        // Let the start-up re-check finish, so closing the app never cuts it off.
        waitFor(() -> lookup("#status-check-progress").tryQuery().map(n -> !n.getParent().isVisible()).orElse(true), 120);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void waitFor(Supplier<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
    }

    private String label(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theOfferedPackageWaitsForConfirmation() throws Exception {
        Path pkg = tmp.resolve("from-central.tbsync");
        new DemoPackageService(getClass().getClassLoader(), Clock.systemUTC()).write(pkg,
                Path.of(DemoPackageService.DEFAULT_KEY_FILE));
        launch(pkg);
        waitFor(() -> lookup("#sync-import-pending").tryQuery().map(n -> n.isVisible()).orElse(false), 30);
        assertEquals("Ready to import from-central.tbsync", label("#sync-import-pending"));
        TableView<HistoryRow> history = lookup("#sync-history").queryTableView();
        assertEquals(0, history.getItems().size(), "not imported without confirmation");

        clickOn("#sync-import-confirm");
        waitFor(() -> history.getItems().size() == 1, 60);
        assertEquals("IMPORTED", history.getItems().get(0).result());
        waitFor(() -> label("#sync-import-status").startsWith("Imported"), 10);
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path missing = tmp.resolve("gone.tbsync");
        launch(missing);
        waitFor(() -> lookup("#sync-import-status").tryQuery().map(n -> !((Label) n).getText().isEmpty()).orElse(false), 30);
        String text = label("#sync-import-status");
        assertTrue(text.contains(missing.toString()) && text.contains("does not exist"), text);
        assertTrue(lookup("#sync-import-pending").tryQuery().map(n -> !n.getParent().isVisible()).orElse(true),
                "nothing is offered");
    }
}
