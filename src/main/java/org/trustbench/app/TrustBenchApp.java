package org.trustbench.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.app.cli.TrustBenchCommand;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.caseq.CaseQueueViewModel;
import org.trustbench.caseq.FirstPageQuery;
import org.trustbench.concurrent.Futures;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.shell.MainView;
import org.trustbench.ui.FxDialogService;
import org.trustbench.ui.I18n;
import org.trustbench.users.FirstAdminView;
import org.trustbench.users.FirstAdminViewModel;
import org.trustbench.users.Session;
import org.trustbench.users.SignInView;
import org.trustbench.users.SignInViewModel;
import org.trustbench.users.User;

/**
 * The JavaFX application. The window appears at once with a progress bar; the store is opened,
 * migrated and (for the demo workspace) filled off the FX thread, then the workbench replaces it.
 */
public final class TrustBenchApp extends Application {

    public static final String LOG_DIR_PROPERTY = "trustbench.logDir";
    /**
     * Not a constant: {@link #openEarly} runs on the main thread before anything else, and initialising this class must
     * not configure logging there (about 0.3 s on a cold JVM); {@link #openEarly} has it configured on a thread of its own.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(TrustBenchApp.class);
    }

    /** How long the store may take to open before the splash shows a progress bar. */
    static final Duration PROGRESS_DELAY = Duration.millis(400);

    private LaunchOptions options;
    private final Locale locale;
    private final Clock clock;
    private ExecutorService executor;
    private AppServices services;
    private Workbench.Opened mainView;
    private Task<AppServices> opening;
    private volatile boolean hasUsers;
    /** The queue's first page, read as soon as the store is ready (while the workbench is built or the officer signs in). */
    private volatile Future<CaseQueueRepository.FirstPage> firstPage;
    private final Unattended unattended;

    /**
     * The benchmark's cold start: the same start path with the sign-in screen replaced by a session of {@code user},
     * and the workbench handed to {@code opened}. The workspace is not prepared (the benchmark's store is a demo store
     * of synthetic cases that the demo dataset must not replace; for a real store preparing does nothing).
     */
    public record Unattended(User user, Consumer<MainView> opened) {
    }

    private static final AtomicReference<Early> EARLY = new AtomicReference<>();

    private record Early(DataFolder folder, Workspace workspace, CompletableFuture<AppServices> services,
                         CompletableFuture<CaseQueueRepository.FirstPage> firstPage) {
    }

    /**
     * Starts opening the store of {@code options} on a background thread, before the JavaFX toolkit starts: on a cold
     * JVM both take seconds, and they need not wait for each other. The start path takes the result (or the failure,
     * shown as usual) instead of opening the store itself.
     */
    public static void openEarly(LaunchOptions options, Clock clock) {
        // Logging configures itself on first use (LogConfigurator: still a few hundred classes); meanwhile loggers queue.
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "trustbench-logging");
        logging.setDaemon(true);
        logging.start();
        CompletableFuture<AppServices> future = new CompletableFuture<>();
        CompletableFuture<CaseQueueRepository.FirstPage> page = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(AppServices.open(options.dataFolder(), options.workspace(), clock,
                        store -> readFirstPage(store, clock.getZone(), page)));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
                page.completeExceptionally(e);
            }
        }, "trustbench-open-store");
        t.setDaemon(true);
        EARLY.set(new Early(options.dataFolder(), options.workspace(), future, page));
        t.start();
    }

    /**
     * Reads the queue's first page on a thread of its own as soon as the store is open (locked, schema and workspace
     * checked), in plain JDBC, while the services and jOOQ load on the opening thread. Nothing else writes the locked
     * store meanwhile; a demo store that is about to be filled reads it again after ({@link #start}).
     */
    private static void readFirstPage(Store store, ZoneId zone, CompletableFuture<CaseQueueRepository.FirstPage> page) {
        Thread t = new Thread(() -> {
            try {
                page.complete(store.withConnection(c -> FirstPageQuery.read(c, zone, CaseQueueViewModel.FIRST_PAGE)));
            } catch (RuntimeException | Error e) {
                page.completeExceptionally(e);
            }
        }, "trustbench-first-page");
        t.setDaemon(true);
        t.start();
    }

    /** The store opening early for these options, if any (another store's is closed once open). */
    private static Optional<Early> takeEarly(LaunchOptions options) {
        Early early = EARLY.getAndSet(null);
        if (early == null || !early.folder().equals(options.dataFolder()) || early.workspace() != options.workspace()) {
            if (early != null) {
                early.services().thenAccept(AppServices::close);
            }
            return Optional.empty();
        }
        return Optional.of(early);
    }

    /** Used by {@link Application#launch}; options come from the command line. */
    public TrustBenchApp() {
        this(null, Locale.getDefault(), Clock.systemDefaultZone());
    }

    /** Used by tests and embedders with explicit options. */
    public TrustBenchApp(LaunchOptions options, Locale locale, Clock clock) {
        this(options, locale, clock, null);
    }

    /** Used by the benchmark's cold-start child. */
    public TrustBenchApp(LaunchOptions options, Locale locale, Clock clock, Unattended unattended) {
        this.options = options;
        this.locale = locale;
        this.clock = clock;
        this.unattended = unattended;
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
        I18n i18n = new I18n(locale);
        executor = Executors.newFixedThreadPool(2, daemonThreads());
        opening = new Task<>() {
            @Override
            protected AppServices call() {
                updateMessage(i18n.get("startup.opening", options.dataFolder().storeFolder(options.workspace())));
                Optional<Early> early = takeEarly(options);
                AppServices s = early.map(e -> Futures.join(e.services()))
                        .orElseGet(() -> AppServices.open(options.dataFolder(), options.workspace(), clock));
                try {
                    boolean filling = unattended == null && s.store().isDemo() && s.demoWorkspace().loadedDataset().isEmpty();
                    if (filling) {
                        updateMessage(i18n.get("startup.loadingDemo"));
                    }
                    if (unattended == null) {
                        s.prepareWorkspace();
                    }
                    // Which screen follows (first administrator or sign-in); the unattended start shows neither.
                    hasUsers = unattended == null && s.users().hasUsers();
                    if (early.isPresent() && !filling) {
                        // Read as soon as the store was open; nothing has written cases since.
                        firstPage = early.get().firstPage();
                    } else {
                        FutureTask<CaseQueueRepository.FirstPage> page =
                                new FutureTask<>(() -> s.caseQueueRepository().firstPage(CaseQueueViewModel.FIRST_PAGE));
                        firstPage = page;
                        executor.execute(page);
                    }
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
                return s;
            }
        };
        // The store's opening starts first; the window, its theme and the splash are made meanwhile. The task's handlers
        // are set below, before its result can reach this (FX) thread.
        executor.execute(opening);
        // The icon font (read and registered on first use, a quarter of a second on a cold JVM) loads beside it instead
        // of on the FX thread when the workbench is built. A node not in a scene may be made on any thread.
        executor.execute(TrustBenchApp::loadIconFont);
        // The binary form of the theme (same rules) loads without parsing 170 KB of CSS on the FX thread at start-up.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        FxDialogService dialogs = new FxDialogService(() -> stage, i18n);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(320);
        Label message = new Label();
        // The progress bar joins the splash only if the store is still opening after a moment: an indeterminate bar is a
        // skin and an animation drawn at every pulse, on the two cores the opening needs, and most starts end first.
        VBox splash = new VBox(12, new Label(i18n.get("app.title")), message);
        PauseTransition slow = progressWhenSlow(splash, 1, progress, opening);
        splash.setAlignment(Pos.CENTER);
        splash.setPadding(new Insets(40));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(splash, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/css/trustbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text(options.workspace() == Workspace.DEMO ? "app.title.demo" : "app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(560);

        progress.progressProperty().bind(opening.progressProperty());
        message.textProperty().bind(opening.messageProperty());
        opening.setOnSucceeded(e -> {
            slow.stop();
            services = opening.getValue();
            if (unattended != null) {
                openWorkbench(scene, i18n, dialogs, new Session(unattended.user(), OffsetDateTime.now(clock)));
                unattended.opened().accept(mainView.main());
            } else if (hasUsers) {
                showSignIn(scene, i18n, dialogs);
            } else {
                showFirstAdmin(scene, i18n, dialogs);
            }
        });
        opening.setOnFailed(e -> {
            slow.stop();
            Throwable ex = opening.getException();
            String text;
            if (ex instanceof UserException user) {
                log().warn("Cannot open the store: {}", ex.getMessage());
                text = i18n.current().format(user.userMessage());
            } else {
                log().error("Start-up failed", ex);
                text = i18n.get("startup.unexpected", String.valueOf(ex.getMessage()));
            }
            dialogs.showError(i18n.get("startup.failed"), text);
            Platform.exit();
        });
        stage.show();
        slow.play();
    }

    /**
     * A pause (not yet played) after which {@code progress} is inserted into {@code box} at {@code index} if {@code work}
     * has not finished by then; stop it when the work ends.
     */
    static PauseTransition progressWhenSlow(VBox box, int index, ProgressBar progress, Task<?> work) {
        PauseTransition slow = new PauseTransition(PROGRESS_DELAY);
        slow.setOnFinished(e -> {
            if (!work.isDone()) {
                box.getChildren().add(index, progress);
            }
        });
        return slow;
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
                openWorkbench(scene, i18n, dialogs, session);
            }
        });
        scene.setRoot(view.root());
        view.focus();
    }

    private void openWorkbench(Scene scene, I18n i18n, FxDialogService dialogs, Session session) {
        Future<CaseQueueRepository.FirstPage> page = firstPage;
        firstPage = null;
        mainView = Workbench.open(services, session, i18n, executor, dialogs, page, Platform::exit, () -> {
            executor.execute(() -> services.auth().signOut(session));
            mainView.dispose();
            mainView = null;
            showSignIn(scene, i18n, dialogs);
        });
        scene.setRoot(mainView.main().root());
        mainView.main().queueView().focusQueue();
        if (options.importFile() != null) {
            // Opened with a package (file association): offer it on the Sync screen, once.
            Path file = options.importFile();
            options = new LaunchOptions(options.dataFolder(), options.workspace());
            mainView.offerImport(file);
        }
    }

    private static void loadIconFont() {
        try {
            new FontIcon(Material2MZ.REFRESH);
        } catch (RuntimeException | Error e) {
            // The workbench's own icons then load (or fail) as before, on the FX thread.
            log().warn("Loading the icon font early failed", e);
        }
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
            opening.cancel(false);
        }
        if (mainView != null) {
            mainView.dispose();
        }
        if (executor != null) {
            executor.shutdown(); // never interrupt: a thread interrupted in H2 file I/O closes the store's file (ArchitectureTest)
        }
        if (services != null) {
            services.close();
        }
    }
}
