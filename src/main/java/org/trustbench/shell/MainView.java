package org.trustbench.shell;

import atlantafx.base.theme.Styles;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.caseq.CaseDetailView;
import org.trustbench.caseq.CaseQueueView;
import org.trustbench.domain.CaseStatus;
import org.trustbench.review.ReviewView;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/** The workbench window's content: menu, demo banner, queue beside detail, status bar. */
public final class MainView implements View {

    private final MainViewModel vm;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Actions actions;
    private final CaseQueueView queueView;
    private final CaseDetailView detailView;
    /** The review screen, built the first time a case is opened (it is not needed to show the queue). */
    private final java.util.function.Supplier<ReviewView> reviewFactory;
    private ReviewView reviewView;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();

    /**
     * Window-level actions the application provides.
     *
     * @param openSync      opens the Sync screen
     * @param openConflicts the number of open sync conflicts, shown on the Sync menu item
     */
    public record Actions(Runnable exit, Runnable signOut, Runnable openAudit, Runnable openSync,
                          javafx.beans.value.ObservableIntegerValue openConflicts) {

        public Actions(Runnable exit, Runnable signOut, Runnable openAudit) {
            this(exit, signOut, openAudit, () -> { }, new javafx.beans.property.SimpleIntegerProperty(0));
        }
    }

    public MainView(MainViewModel vm, I18n i18n, DialogService dialogs, CaseQueueView queueView,
                    CaseDetailView detailView, java.util.function.Supplier<ReviewView> reviewView, Actions actions) {
        this.vm = vm;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.queueView = queueView;
        this.detailView = detailView;
        this.reviewFactory = reviewView;
        this.actions = actions;
        VBox top = new VBox(menuBar());
        if (vm.isDemo()) {
            top.getChildren().add(demoBanner());
        }
        root.setTop(top);
        // The queue alone when the preview is hidden (the default on screens under 1680 px): a split pane with one item
        // would cost its skin and, until that skin exists, hide the queue's table from the scene graph's lookups.
        SplitPane split = new SplitPane();
        SplitPane.setResizableWithParent(detailView.root(), false);
        // What the queue mode shows: the queue, or the queue beside the preview.
        java.util.function.Supplier<Parent> queueContent = () -> vm.previewVisibleProperty().get() ? split : queueView.root();
        Runnable showPreview = () -> {
            if (!vm.previewVisibleProperty().get()) {
                split.getItems().clear();
            } else if (!split.getItems().contains(detailView.root())) {
                split.getItems().setAll(queueView.root(), detailView.root());
                split.setDividerPositions(0.72);
            }
            if (vm.modeProperty().get() == MainViewModel.Mode.QUEUE) {
                root.setCenter(queueContent.get());
            }
        };
        subscriptions.onInvalidate(vm.previewVisibleProperty(), o -> showPreview.run());
        showPreview.run();
        queueView.setOnOpen(vm::openSelected);
        Runnable showMode = () -> {
            boolean review = vm.modeProperty().get() == MainViewModel.Mode.REVIEW;
            root.setCenter(review ? reviewView().root() : queueContent.get());
            if (review) {
                reviewView().focus();
            } else {
                queueView.focusQueue();
            }
        };
        subscriptions.onInvalidate(vm.modeProperty(), o -> showMode.run());
        showMode.run();
        root.setBottom(statusBar());
        root.getStyleClass().add("workbench");
    }

    private MenuBar menuBar() {
        MenuItem reload = item("menu.file.reload", new FontIcon(Material2MZ.REFRESH), vm::reload);
        reload.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        MenuItem find = item("menu.file.find", new FontIcon(Material2MZ.SEARCH), queueView::focusSearch);
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        MenuItem signOut = item("menu.file.signOut", new FontIcon(Material2AL.EXIT_TO_APP), actions.signOut());
        signOut.setId("menu-sign-out");
        MenuItem quit = item("menu.file.exit", null, actions.exit());
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        MenuItem open = item("menu.file.open", new FontIcon(Material2MZ.OPEN_IN_NEW), vm::openSelected);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem recheck = item("menu.file.recheckAll", new FontIcon(Material2AL.FACT_CHECK), () -> vm.recheck(true));
        recheck.setId("menu-recheck-all");
        MenuItem audit = item("menu.file.audit", new FontIcon(Material2MZ.SECURITY), actions.openAudit());
        audit.setId("menu-audit");
        MenuItem sync = item("menu.file.sync", new FontIcon(Material2MZ.SYNC), actions.openSync());
        sync.setId("menu-sync");
        sync.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        sync.textProperty().unbind();
        sync.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = actions.openConflicts().get();
            return n > 0 ? i18n.get("menu.file.sync.count", n) : i18n.get("menu.file.sync");
        }, i18n.messagesProperty(), actions.openConflicts()));
        Menu file = menu("menu.file", open, reload, find, recheck, audit, sync, new javafx.scene.control.SeparatorMenuItem(), signOut, quit);

        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem zh = new RadioMenuItem("中文");
        zh.setId("menu-lang-zh");
        RadioMenuItem en = new RadioMenuItem("English");
        en.setId("menu-lang-en");
        zh.setToggleGroup(languages);
        en.setToggleGroup(languages);
        zh.setOnAction(e -> vm.switchLanguage(Messages.CHINESE));
        en.setOnAction(e -> vm.switchLanguage(Messages.ENGLISH));
        Runnable syncLanguage = () -> (Messages.CHINESE.equals(i18n.locale()) ? zh : en).setSelected(true);
        syncLanguage.run();
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> syncLanguage.run());
        Menu language = menu("menu.language", zh, en);
        language.setId("menu-language");
        language.setGraphic(new FontIcon(Material2AL.LANGUAGE));

        MenuItem about = item("menu.help.about", null, () -> dialogs.showInfo(i18n.get("about.title"),
                i18n.get("about.text", vm.version(), vm.storeFolder())));
        Menu help = menu("menu.help", about);
        return new MenuBar(file, language, help);
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.text(key));
        m.getItems().addAll(items);
        return m;
    }

    private MenuItem item(String key, javafx.scene.Node graphic, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(i18n.text(key));
        item.setGraphic(graphic);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Parent demoBanner() {
        Label text = new Label();
        text.setId("demo-banner");
        text.textProperty().bind(i18n.text("demo.banner"));
        text.setGraphic(new FontIcon(Material2MZ.SCHOOL));
        text.setWrapText(true);
        HBox banner = new HBox(text);
        banner.getStyleClass().add("demo-banner");
        banner.setPadding(new Insets(6, 12, 6, 12));
        return banner;
    }

    private Parent statusBar() {
        Label folder = new Label();
        folder.setId("status-folder");
        folder.textProperty().bind(i18n.text("status.folder", vm.storeFolder()));
        folder.setGraphic(new FontIcon(Material2AL.FOLDER_OPEN));
        Label workspace = new Label();
        workspace.textProperty().bind(i18n.text(vm.isDemo() ? "status.workspace.demo" : "status.workspace.real"));
        workspace.getStyleClass().add(vm.isDemo() ? Styles.WARNING : Styles.SUCCESS);
        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            Map<CaseStatus, Integer> c = vm.queue().statusCountsProperty().get();
            if (c.isEmpty()) {
                // The counts by status come with the queue's index, a few seconds after the first rows.
                return i18n.get("status.countsPending", vm.queue().totalCountProperty().get());
            }
            return i18n.get("status.counts", vm.queue().totalCountProperty().get(), c.get(CaseStatus.RECEIVED),
                    c.get(CaseStatus.IN_REVIEW), c.get(CaseStatus.PENDING_SIGNOFF), c.get(CaseStatus.DECIDED),
                    c.get(CaseStatus.EXPORTED));
        }, i18n.messagesProperty(), vm.queue().statusCountsProperty(), vm.queue().totalCountProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.ProgressBar checkBar = new javafx.scene.control.ProgressBar();
        checkBar.setId("status-check-progress");
        checkBar.setPrefWidth(140);
        checkBar.progressProperty().bind(vm.checkProgressProperty());
        Label checkLabel = new Label();
        checkLabel.textProperty().bind(i18n.text("status.checking"));
        javafx.scene.control.Button cancel = new javafx.scene.control.Button();
        cancel.textProperty().bind(i18n.text("dialog.cancel"));
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> vm.cancelRecheck());
        HBox checkBox = new HBox(6, checkLabel, checkBar, cancel);
        checkBox.setAlignment(Pos.CENTER_LEFT);
        checkBox.visibleProperty().bind(vm.checkingProperty());
        checkBox.managedProperty().bind(vm.checkingProperty());
        javafx.scene.control.ProgressBar indexBar = new javafx.scene.control.ProgressBar();
        indexBar.setId("status-index-progress");
        indexBar.setPrefWidth(140);
        indexBar.progressProperty().bind(vm.queue().loadProgressProperty());
        Label indexLabel = new Label();
        indexLabel.textProperty().bind(i18n.text("status.indexing"));
        HBox indexBox = new HBox(6, indexLabel, indexBar);
        indexBox.setAlignment(Pos.CENTER_LEFT);
        indexBox.visibleProperty().bind(vm.queue().loadingProperty());
        indexBox.managedProperty().bind(vm.queue().loadingProperty());
        Label user = new Label();
        user.setId("status-user");
        user.setGraphic(new FontIcon(Material2MZ.PERSON));
        user.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.user", vm.session().user().displayName(),
                vm.session().username(), vm.session().user().sortedRoles().stream().map(r -> i18n.current().of("role", r))
                        .collect(java.util.stream.Collectors.joining(i18n.get("list.separator")))), i18n.messagesProperty()));
        HBox bar = new HBox(10, workspace, new Separator(Orientation.VERTICAL), user, new Separator(Orientation.VERTICAL), folder,
                spacer, indexBox, checkBox, counts);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    public CaseQueueView queueView() {
        return queueView;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        queueView.dispose();
        detailView.dispose();
        if (reviewView != null) {
            reviewView.dispose();
        }
    }

    private ReviewView reviewView() {
        if (reviewView == null) {
            reviewView = reviewFactory.get();
        }
        return reviewView;
    }
}
