package org.trustbench.sync.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.ExportService;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.TextColumns;
import org.trustbench.ui.View;

/**
 * The Sync screen: this workstation's key fingerprint, export to a folder and import of a package (each with a
 * progress bar and Cancel), the package history, and the conflicts to resolve in a tab of their own.
 */
public final class SyncView implements View {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SyncViewModel vm;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TableView<HistoryRow> table = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final Tab conflictsTab = new Tab();
    private final BorderPane root = new BorderPane();

    public SyncView(SyncViewModel vm, I18n i18n, DialogService dialogs, ZoneId zone, Node conflicts) {
        this.vm = vm;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.zone = zone;
        root.setId("sync-view");
        root.setTop(header());
        Tab packages = new Tab();
        packages.setId("sync-tab-packages");
        packages.textProperty().bind(i18n.text("sync.ui.tab.packages"));
        packages.setContent(packagesPane());
        conflictsTab.setId("sync-tab-conflicts");
        conflictsTab.setContent(conflicts);
        tabs.getTabs().setAll(packages, conflictsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> table.refresh());
    }

    /** The conflicts tab, so the window can put the open count on it. */
    public Tab conflictsTab() {
        return conflictsTab;
    }

    public void showConflicts() {
        tabs.getSelectionModel().select(conflictsTab);
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("sync.ui.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label keyLabel = new Label();
        keyLabel.textProperty().bind(i18n.text("sync.ui.fingerprint"));
        keyLabel.setGraphic(new FontIcon(Material2AL.FINGERPRINT));
        keyLabel.setMinWidth(Label.USE_PREF_SIZE);
        TextField fingerprint = new TextField();
        fingerprint.textProperty().bind(vm.fingerprintProperty());
        fingerprint.setId("sync-fingerprint");
        fingerprint.setEditable(false);
        fingerprint.setFocusTraversable(false);
        fingerprint.getStyleClass().add(Styles.SMALL);
        fingerprint.setStyle("-fx-font-family: monospace;");
        HBox.setHgrow(fingerprint, Priority.ALWAYS);
        HBox key = new HBox(8, keyLabel, fingerprint);
        key.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, key);
        box.setPadding(new Insets(12, 12, 6, 12));
        return box;
    }

    private Node packagesPane() {
        Button export = new Button();
        export.setId("sync-export");
        export.setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
        export.textProperty().bind(i18n.text("sync.ui.export"));
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(vm.exportJob().runningProperty());
        export.setOnAction(e -> dialogs.chooseDirectory(i18n.get("sync.ui.export.choose")).ifPresent(vm::exportTo));
        export.setMinWidth(Region.USE_PREF_SIZE);
        Label exportHint = hint("sync.ui.export.hint");
        JobBar exportBar = new JobBar("sync-export", vm.exportJob(), i18n, subscriptions);
        VBox exportBox = new VBox(6, new HBox(10, export, exportHint), exportBar.root());

        Button choose = new Button();
        choose.setId("sync-import");
        choose.setGraphic(new FontIcon(Material2AL.GET_APP));
        choose.textProperty().bind(i18n.text("sync.ui.import"));
        choose.disableProperty().bind(vm.importJob().runningProperty());
        choose.setOnAction(e -> dialogs.chooseOpenFile(i18n.get("sync.ui.import.choose"), i18n.get("sync.ui.fileType"),
                ExportService.EXTENSION.substring(1)).ifPresent(vm::offerImport));
        choose.setMinWidth(Region.USE_PREF_SIZE);
        Label importHint = hint("sync.ui.import.hint");
        JobBar importBar = new JobBar("sync-import", vm.importJob(), i18n, subscriptions);
        VBox importBox = new VBox(6, new HBox(10, choose, importHint), pendingBar(), importBar.root());
        subscriptions.add(() -> {
            export.disableProperty().unbind();
            choose.disableProperty().unbind();
        });

        HBox jobs = new HBox(16, titled("sync.ui.section.export", exportBox), titled("sync.ui.section.import", importBox));
        jobs.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        Label historyTitle = new Label();
        historyTitle.textProperty().bind(i18n.text("sync.ui.history"));
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(10, jobs, historyTitle, historyTable());
        VBox.setVgrow(box.getChildren().get(2), Priority.ALWAYS);
        box.setPadding(new Insets(10, 12, 12, 12));
        return box;
    }

    private Label hint(String key) {
        Label hint = new Label();
        hint.textProperty().bind(i18n.text(key));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        return hint;
    }

    private TitledPane titled(String key, Node content) {
        TitledPane pane = new TitledPane();
        pane.textProperty().bind(i18n.text(key));
        pane.setContent(content);
        pane.setCollapsible(false);
        pane.setMaxWidth(Double.MAX_VALUE);
        return pane;
    }

    /** "Ready to import FILE — Import now / Discard": shown while a file waits for confirmation. */
    private Node pendingBar() {
        Label text = new Label();
        text.setId("sync-import-pending");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Path p = vm.pendingImportProperty().get();
            return p == null ? "" : i18n.get("sync.ui.import.pending", p.getFileName() == null ? p : p.getFileName());
        }, i18n.messagesProperty(), vm.pendingImportProperty()));
        javafx.scene.control.Tooltip where = new javafx.scene.control.Tooltip();
        where.textProperty().bind(Bindings.createStringBinding(() -> String.valueOf(vm.pendingImportProperty().get()),
                vm.pendingImportProperty()));
        text.setTooltip(where);
        subscriptions.add(where.textProperty()::unbind);
        Button confirm = new Button();
        confirm.setId("sync-import-confirm");
        confirm.textProperty().bind(i18n.text("sync.ui.import.confirm"));
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setDefaultButton(false);
        confirm.setOnAction(e -> vm.confirmImport());
        Button discard = new Button();
        discard.setId("sync-import-discard");
        discard.textProperty().bind(i18n.text("sync.ui.import.discard"));
        discard.setOnAction(e -> vm.discardImport());
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, new FontIcon(Material2MZ.PLAYLIST_ADD_CHECK), text, confirm, discard);
        HBox.setHgrow(text, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        bar.getStyleClass().add("sync-pending");
        bar.setStyle("-fx-background-color: #ddf4ff; -fx-background-radius: 4;");
        bar.visibleProperty().bind(vm.pendingImportProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        subscriptions.add(() -> {
            bar.visibleProperty().unbind();
            text.textProperty().unbind();
        });
        return bar;
    }

    private Parent historyTable() {
        table.setId("sync-history");
        table.setItems(vm.history());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                TextColumns.of(i18n, "sync.ui.column.id", 120, (r, m) -> shortId(r.packageId(), 8)),
                TextColumns.of(i18n, "sync.ui.column.direction", 80, (r, m) -> m.get(r.outbound() ? "sync.ui.direction.out" : "sync.ui.direction.in")),
                TextColumns.of(i18n, "sync.ui.column.time", 150, (r, m) -> r.processedAt() == null ? "" : TIME.format(r.processedAt()
                        .atZoneSameInstant(zone))),
                TextColumns.of(i18n, "sync.ui.column.counts", 200, (r, m) -> counts(r, m)),
                TextColumns.of(i18n, "sync.ui.column.signer", 140, (r, m) -> shortId(r.signer(), 16)),
                TextColumns.of(i18n, "sync.ui.column.result", 120, (r, m) -> resultText(r.result(), m))));
        table.getColumns().get(0).setId("sync-column-id");
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("sync.ui.history.empty"));
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<HistoryRow> row = new javafx.scene.control.TableRow<>();
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            row.itemProperty().addListener((o, a, b) -> {
                if (b == null) {
                    row.setTooltip(null);
                } else {
                    tip.setText(b.packageId() + "\n" + (b.fileName() == null ? "" : b.fileName()));
                    row.setTooltip(tip);
                }
            });
            return row;
        });
        return table;
    }

    private static String shortId(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n) + "…";
    }

    private static String counts(HistoryRow r, Messages m) {
        return r.counts().entrySet().stream()
                .map(e -> (m.has("sync.ui.type." + e.getKey()) ? m.get("sync.ui.type." + e.getKey()) : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(m.get("list.separator")));
    }

    private static String resultText(String result, Messages m) {
        String key = "sync.ui.result." + result;
        return result == null ? "" : m.has(key) ? m.get(key) : result;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
