package org.trustbench.app;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.app.cli.TrustBenchCommand;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.ui.FxDialogService;
import org.trustbench.ui.I18n;
import org.trustbench.users.FirstAdminView;
import org.trustbench.users.FirstAdminViewModel;
import org.trustbench.users.SignInView;
import org.trustbench.users.SignInViewModel;

/**
 * The JavaFX application. The window appears at once with a progress bar; the store is opened,
 * migrated and (for the demo workspace) filled off the FX thread, then the workbench replaces it.
 */
public final class TrustBenchApp extends Application {

    public static final String LOG_DIR_PROPERTY = "trustbench.logDir";
    private static final Logger LOG = LoggerFactory.getLogger(TrustBenchApp.class);

    private LaunchOptions options;
    private final Locale locale;
    private final Clock clock;
    private ExecutorService executor;
    private AppServices services;
    private Workbench.Opened mainView;
    private Task<AppServices> opening;
    private volatile boolean hasUsers;

    /** Used by {@link Application#launch}; options come from the command line. */
    public TrustBenchApp() {
        this(null, Locale.getDefault(), Clock.systemDefaultZone());
    }

    /** Used by tests and embedders with explicit options. */
    public TrustBenchApp(LaunchOptions options, Locale locale, Clock clock) {
        this.options = options;
        this.locale = locale;
        this.clock = clock;
    }

    @Override
    public void init() {
        if (options == null) {
            TrustBenchCommand command = new TrustBenchCommand(o -> { }, Messages.forLocale(locale), clock);
            new picocli.CommandLine(command).parseArgs(getParameters().getRaw().toArray(String[]::new));
            options = command.launchOptions();
        }
    }

    @Override
    public void start(Stage stage) {
        Objects.requireNonNull(options, "options");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n i18n = new I18n(locale);
        executor = Executors.newFixedThreadPool(2, daemonThreads());
        FxDialogService dialogs = new FxDialogService(() -> stage, i18n);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(320);
        Label message = new Label();
        VBox splash = new VBox(12, new Label(i18n.get("app.title")), progress, message);
        splash.setAlignment(Pos.CENTER);
        splash.setPadding(new Insets(40));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(splash, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/css/trustbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text(options.workspace() == org.trustbench.db.Workspace.DEMO ? "app.title.demo" : "app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();

        opening = new Task<>() {
            @Override
            protected AppServices call() {
                updateMessage(i18n.get("startup.opening", options.dataFolder().storeFolder(options.workspace())));
                AppServices s = AppServices.open(options.dataFolder(), options.workspace(), clock);
                try {
                    if (s.store().isDemo() && s.demoWorkspace().loadedDataset().isEmpty()) {
                        updateMessage(i18n.get("startup.loadingDemo"));
                    }
                    s.prepareWorkspace();
                    hasUsers = s.users().hasUsers();
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
                return s;
            }
        };
        progress.progressProperty().bind(opening.progressProperty());
        message.textProperty().bind(opening.messageProperty());
        opening.setOnSucceeded(e -> {
            services = opening.getValue();
            if (hasUsers) {
                showSignIn(scene, i18n, dialogs);
            } else {
                showFirstAdmin(scene, i18n, dialogs);
            }
        });
        opening.setOnFailed(e -> {
            Throwable ex = opening.getException();
            String text;
            if (ex instanceof UserException user) {
                LOG.warn("Cannot open the store: {}", ex.getMessage());
                text = i18n.current().format(user.userMessage());
            } else {
                LOG.error("Start-up failed", ex);
                text = i18n.get("startup.unexpected", String.valueOf(ex.getMessage()));
            }
            dialogs.showError(i18n.get("startup.failed"), text);
            Platform.exit();
        });
        executor.execute(opening);
    }

    /** A new real store has no accounts: the first administrator is created before anyone signs in. */
    private void showFirstAdmin(Scene scene, I18n i18n, FxDialogService dialogs) {
        FirstAdminViewModel vm = new FirstAdminViewModel(services.users(), executor);
        FirstAdminView view = new FirstAdminView(vm, i18n);
        vm.createdProperty().addListener((o, a, created) -> {
            if (created != null) {
                view.dispose();
                showSignIn(scene, i18n, dialogs);
            }
        });
        scene.setRoot(view.root());
    }

    private void showSignIn(Scene scene, I18n i18n, FxDialogService dialogs) {
        SignInViewModel vm = new SignInViewModel(services.auth(), executor);
        SignInView view = new SignInView(vm, i18n, services.store().isDemo());
        vm.sessionProperty().addListener((o, a, session) -> {
            if (session != null) {
                view.dispose();
                mainView = Workbench.open(services, session, i18n, executor, dialogs, Platform::exit, () -> {
                    executor.execute(() -> services.auth().signOut(session));
                    mainView.dispose();
                    mainView = null;
                    showSignIn(scene, i18n, dialogs);
                });
                scene.setRoot(mainView.main().root());
                mainView.main().queueView().focusQueue();
                if (options.importFile() != null) {
                    // Opened with a package (file association): offer it on the Sync screen, once.
                    java.nio.file.Path file = options.importFile();
                    options = new LaunchOptions(options.dataFolder(), options.workspace());
                    mainView.offerImport(file);
                }
            }
        });
        scene.setRoot(view.root());
        view.focus();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "trustbench-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void stop() {
        if (opening != null) {
            opening.cancel();
        }
        if (mainView != null) {
            mainView.dispose();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (services != null) {
            services.close();
        }
    }
}
