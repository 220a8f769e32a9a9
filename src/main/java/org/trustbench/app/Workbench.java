package org.trustbench.app;

import java.util.concurrent.Executor;
import org.trustbench.caseq.CaseDetailView;
import org.trustbench.caseq.CaseDetailViewModel;
import org.trustbench.caseq.CaseQueueView;
import org.trustbench.caseq.CaseQueueViewModel;
import org.trustbench.caseq.QueueView;
import org.trustbench.audit.AuditViewModel;
import org.trustbench.audit.AuditWindow;
import org.trustbench.users.Role;
import org.trustbench.decision.DecisionView;
import org.trustbench.decision.NoticeExport;
import org.trustbench.decision.notice.NoticeLabels;
import org.trustbench.decision.notice.NoticeRenderer;
import org.trustbench.decision.DecisionViewModel;
import org.trustbench.review.ReviewService;
import org.trustbench.review.ReviewView;
import org.trustbench.review.ReviewViewModel;
import org.trustbench.review.attachment.AttachmentLoader;
import org.trustbench.review.attachment.AttachmentRepository;
import org.trustbench.review.attachment.AttachmentViewModel;
import org.trustbench.review.attachment.AttachmentWindow;
import org.trustbench.shell.MainView;
import org.trustbench.shell.MainViewModel;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Toaster;
import org.trustbench.sync.ui.ConflictsView;
import org.trustbench.sync.ui.ConflictsViewModel;
import org.trustbench.sync.ui.SyncViewModel;
import org.trustbench.sync.ui.SyncWindow;
import org.trustbench.users.Session;
import org.trustbench.verify.VerificationSettings;

/** Wires the workbench's view models and views on top of {@link AppServices}. */
public final class Workbench {

    private Workbench() {
    }

    /** The signed-in workbench: the main window's view and the Sync screen that lives as long as it. */
    public record Opened(MainView main, SyncWindow sync, SyncViewModel syncModel, ConflictsViewModel conflicts) {

        /** Opens the Sync screen with {@code file} offered for import (not imported until the officer confirms). */
        public void offerImport(java.nio.file.Path file) {
            sync.show();
            syncModel.offerImport(file);
        }

        /** Closes the Sync window, asks running jobs to stop, and releases the main view's listeners. */
        public void dispose() {
            sync.close();
            syncModel.close();
            conflicts.close();
            main.dispose();
        }
    }

    /**
     * The store's migration checksums, skipped at start-up when nothing was pending, are validated in the background
     * once the queue has loaded; then the workstation key is read (it is not needed for the first frame), so that the
     * Sync screen and the first check or export find it ready, and a key that cannot be read is reported at once.
     */
    private static void afterFirstLoad(AppServices services, CaseQueueViewModel queue, I18n i18n, Executor executor,
                                       DialogService dialogs) {
        javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
        once[0] = o -> {
            if (!queue.loadingProperty().get()) {
                queue.loadingProperty().removeListener(once[0]);
                javafx.concurrent.Task<Void> validate = org.trustbench.ui.Tasks.of(() -> {
                    services.store().validateMigrations();
                    services.workstationKeys();
                    return null;
                });
                validate.setOnFailed(e -> {
                    org.slf4j.LoggerFactory.getLogger(Workbench.class).error("The store's migrations do not validate",
                            validate.getException());
                    dialogs.showError(i18n.get("startup.failed"), i18n.get("startup.unexpected",
                            String.valueOf(validate.getException().getMessage())));
                });
                executor.execute(validate);
            }
        };
        queue.loadingProperty().addListener(once[0]);
    }

    /** Runs {@code work} once, on the FX thread, when the queue first shows rows or has finished loading (empty). */
    private static void onceShown(CaseQueueViewModel queue, Runnable work) {
        javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
        once[0] = o -> {
            if (!queue.rows().isEmpty() || !queue.loadingProperty().get()) {
                queue.rows().removeListener(once[0]);
                queue.loadingProperty().removeListener(once[0]);
                work.run();
            }
        };
        queue.rows().addListener(once[0]);
        queue.loadingProperty().addListener(once[0]);
    }

    public static MainView create(AppServices services, Session session, I18n i18n, Executor executor, DialogService dialogs,
                                  Runnable exit, Runnable signOut) {
        return open(services, session, i18n, executor, dialogs, exit, signOut).main();
    }

    public static Opened open(AppServices services, Session session, I18n i18n, Executor executor, DialogService dialogs,
                              Runnable exit, Runnable signOut) {
        return open(services, session, i18n, executor, dialogs, null, exit, signOut);
    }

    /** As above; {@code firstPage} (or null) is the queue's first page, already being read by the start path. */
    public static Opened open(AppServices services, Session session, I18n i18n, Executor executor, DialogService dialogs,
                              java.util.concurrent.Future<org.trustbench.caseq.CaseQueueRepository.FirstPage> firstPage,
                              Runnable exit, Runnable signOut) {
        CaseQueueViewModel queue = new CaseQueueViewModel(services.caseQueueRepository(), executor);
        if (firstPage != null) {
            queue.usePrefetched(firstPage);
        }
        CaseDetailViewModel detail = new CaseDetailViewModel(services.caseQueueRepository(), executor);
        ReviewService reviewService = new ReviewService(services.caseQueueRepository(), services.findingRepository(),
                services.checks());
        queue.viewerProperty().set(new QueueView.Viewer(session.username(), session.user().displayName(),
                session.user().hasRole(Role.SUPERVISOR), java.time.LocalDate.now(services.clock())));
        MainViewModel main = new MainViewModel(services.store().folder(), Version.current(), services.store().isDemo(),
                i18n, queue, detail, navigator -> new ReviewViewModel(reviewService, executor, navigator), services.checks(),
                executor, session);
        // Beside a full queue the preview needs a wide screen; on narrower ones it starts hidden (toggle in the toolbar).
        main.previewVisibleProperty().set(javafx.stage.Screen.getPrimary().getVisualBounds().getWidth() >= 1680);
        // The review screen (with its decision panel) is built when the first case is opened, not at start-up.
        java.util.function.Supplier<ReviewView> reviewScreen = () -> {
            AttachmentLoader attachments = new AttachmentLoader(new AttachmentRepository(services.store().dsl()));
            VerificationSettings settings = services.checks().settings();
            ReviewView review = new ReviewView(main.review(), i18n, services.clock(), settings.credentialWarningDays(),
                    settings.registryMaxAge().getDays(), main::backToQueue, (item, owner) -> {
                        AttachmentViewModel vm = new AttachmentViewModel(attachments, executor, item.attachments());
                        // A file whose content no longer matches its digest raises a finding at once.
                        javafx.beans.value.ChangeListener<Boolean> tampered = (o, was, is) -> {
                            if (is) {
                                main.review().recheck();
                            }
                        };
                        vm.left().digestMismatchProperty().addListener(tampered);
                        vm.right().digestMismatchProperty().addListener(tampered);
                        AttachmentWindow.show(owner, vm, i18n);
                    });
            DecisionViewModel decision = new DecisionViewModel(services.decisions(), executor, session.user(),
                    main.review().reviewProperty(), () -> {
                        main.review().open(main.review().caseId());
                        queue.reload();
                    });
            NoticeRenderer renderer = new NoticeRenderer(NoticeLabels.fromBundles());
            NoticeExport notices = new NoticeExport(services.caseQueueRepository(), services.users()::find, renderer::render,
                    services.store().isDemo(), i18n, dialogs, executor);
            review.setSidePanel(new DecisionView(decision, i18n, notices::export));
            return review;
        };
        javafx.scene.Parent[] mainRoot = new javafx.scene.Parent[1];
        java.util.function.Supplier<javafx.stage.Window> mainWindow = () -> mainRoot[0] == null || mainRoot[0].getScene() == null
                ? null : mainRoot[0].getScene().getWindow();
        SyncViewModel sync = new SyncViewModel(services.export(), services.importer(), services.syncPackages(),
                () -> services.workstationKeys().fingerprint(), session.username(), executor);
        Toaster toaster = new Toaster(mainWindow);
        sync.addNoticeListener(n -> toaster.show(i18n.current().format(n.message()), n.kind().problem()));
        sync.addAfterJob(queue::reload);
        ConflictsViewModel conflicts = new ConflictsViewModel(services.conflicts(), session.username(), executor);
        sync.addNoticeListener(n -> conflicts.reload());
        conflicts.outcomeProperty().addListener((o, a, n) -> {
            if (n != null && n.kind() == org.trustbench.sync.ui.SyncNotice.Kind.SUCCESS) {
                queue.reload();
            }
        });
        SyncWindow syncWindow = new SyncWindow(mainWindow, sync, i18n, dialogs, services.clock().getZone(),
                () -> {
                    conflicts.reload();
                    return new ConflictsView(conflicts, i18n, services.clock().getZone());
                }, conflicts.openCountProperty());
        MainView view = new MainView(main, i18n, dialogs,
                new CaseQueueView(queue, i18n, services.clock(), main.previewVisibleProperty()),
                new CaseDetailView(detail, i18n, services.clock()), reviewScreen, new MainView.Actions(exit, signOut, () -> {
                    javafx.stage.Window owner = mainWindow.get();
                    AuditWindow.show(owner, new AuditViewModel(services.audit(), executor), i18n);
                }, syncWindow::show, conflicts.openCountProperty()));
        mainRoot[0] = view.root();
        main.start();
        // The open conflicts (the toolbar's count) are listed once the queue shows its first rows, not beside them.
        onceShown(queue, conflicts::reload);
        afterFirstLoad(services, queue, i18n, executor, dialogs);
        return new Opened(view, syncWindow, sync, conflicts);
    }
}
