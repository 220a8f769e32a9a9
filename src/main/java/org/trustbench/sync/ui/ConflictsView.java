package org.trustbench.sync.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.conflict.Conflict;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.Resolution;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.TextColumns;
import org.trustbench.ui.View;

/**
 * Open conflicts beside the selected one's values, local and incoming side by side (differing rows highlighted), a
 * required note, and "Keep local" / "Apply incoming".
 */
public final class ConflictsView implements View {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String DIFFERS = "conflict-differs";

    private final ConflictsViewModel vm;
    private final I18n i18n;
    private final ZoneId zone;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TableView<Conflict> list = new TableView<>();
    private final TableView<ConflictField> fields = new TableView<>();
    private final SplitPane root = new SplitPane();
    private boolean syncing;

    public ConflictsView(ConflictsViewModel vm, I18n i18n, ZoneId zone) {
        this.vm = vm;
        this.i18n = i18n;
        this.zone = zone;
        root.setId("conflicts-view");
        root.getItems().setAll(listPane(), detailPane());
        root.setDividerPositions(0.45);
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> {
            list.refresh();
            fields.refresh();
        });
    }

    private Node listPane() {
        list.setId("conflict-list");
        list.setItems(vm.conflicts());
        list.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().setAll(List.of(
                TextColumns.of(i18n, "sync.ui.conflict.column.kind", 150, (c, m) -> m.of("conflict.kind", c.kind())),
                TextColumns.of(i18n, "sync.ui.conflict.column.case", 120, (c, m) -> c.caseNo() == null ? "—" : c.caseNo()),
                TextColumns.of(i18n, "sync.ui.conflict.column.provider", 150, (c, m) -> c.providerUscc() == null ? "—" : c.providerUscc()),
                TextColumns.of(i18n, "sync.ui.conflict.column.package", 90, (c, m) -> c.packageId() == null ? "" : c.packageId().length() > 8
                        ? c.packageId().substring(0, 8) + "…" : c.packageId()),
                TextColumns.of(i18n, "sync.ui.conflict.column.detected", 140, (c, m) -> c.detectedAt() == null ? ""
                        : TIME.format(c.detectedAt().atZoneSameInstant(zone)))));
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("sync.ui.conflict.none"));
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.selectedProperty().set(b);
            }
        });
        Runnable select = () -> {
            syncing = true;
            try {
                Conflict c = vm.selectedProperty().get();
                if (c == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    vm.conflicts().stream().filter(x -> x.id() == c.id()).findFirst().ifPresent(list.getSelectionModel()::select);
                }
            } finally {
                syncing = false;
            }
        };
        subscriptions.onInvalidate(vm.selectedProperty(), o -> select.run());
        subscriptions.onListChange(vm.conflicts(), c -> select.run());
        VBox box = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node detailPane() {
        Label heading = new Label();
        heading.setId("conflict-heading");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.setWrapText(true);
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            Conflict c = vm.selectedProperty().get();
            if (c == null) {
                return i18n.get("sync.ui.conflict.select");
            }
            return i18n.get("sync.ui.conflict.heading", i18n.current().of("conflict.kind", c.kind()),
                    c.caseNo() == null ? (c.providerUscc() == null ? "" : c.providerUscc()) : c.caseNo());
        }, i18n.messagesProperty(), vm.selectedProperty()));
        subscriptions.add(heading.textProperty()::unbind);

        fields.setId("conflict-fields");
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ConflictField, String> name = TextColumns.of(i18n, "sync.ui.conflict.column.field", 140, (f, m) -> fieldLabel(f.name(), m));
        TableColumn<ConflictField, String> local = TextColumns.of(i18n, "sync.ui.conflict.column.local", 220,
                (f, m) -> f.local() == null ? "—" : f.local());
        TableColumn<ConflictField, String> incoming = TextColumns.of(i18n, "sync.ui.conflict.column.incoming", 220,
                (f, m) -> f.incoming() == null ? "—" : f.incoming());
        fields.getColumns().setAll(List.of(name, local, incoming));
        fields.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ConflictField item, boolean empty) {
                super.updateItem(item, empty);
                boolean differs = !empty && item != null && item.differs();
                getStyleClass().remove(DIFFERS);
                setStyle(null);
                if (differs) {
                    getStyleClass().add(DIFFERS);
                    setStyle("-fx-background-color: #fff8c5;");
                }
            }
        });
        Runnable showFields = () -> {
            Conflict c = vm.selectedProperty().get();
            fields.setItems(c == null ? FXCollections.observableArrayList() : FXCollections.observableArrayList(c.fields()));
        };
        subscriptions.onInvalidate(vm.selectedProperty(), o -> showFields.run());
        showFields.run();
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("sync.ui.conflict.differsHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        TextArea note = new TextArea();
        note.setId("conflict-note");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.promptTextProperty().bind(i18n.text("sync.ui.conflict.note"));
        note.textProperty().bindBidirectional(vm.noteProperty());
        subscriptions.add(() -> note.textProperty().unbindBidirectional(vm.noteProperty()));
        note.disableProperty().bind(vm.selectedProperty().isNull());

        Button keep = new Button();
        keep.setId("conflict-keep-local");
        keep.setGraphic(new FontIcon(Material2AL.HOME));
        keep.textProperty().bind(i18n.text("sync.ui.conflict.keepLocal"));
        keep.disableProperty().bind(vm.canResolveBinding().not());
        keep.setOnAction(e -> vm.resolve(Resolution.KEEP_LOCAL));
        Button apply = new Button();
        apply.setId("conflict-apply-incoming");
        apply.setGraphic(new FontIcon(Material2MZ.MOVE_TO_INBOX));
        apply.textProperty().bind(i18n.text("sync.ui.conflict.applyIncoming"));
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(vm.canResolveBinding().not());
        apply.setOnAction(e -> vm.resolve(Resolution.APPLY_INCOMING));
        subscriptions.add(() -> {
            keep.disableProperty().unbind();
            apply.disableProperty().unbind();
            note.disableProperty().unbind();
        });

        Label status = new Label();
        status.setId("conflict-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncNotice n = vm.outcomeProperty().get();
            return n == null ? "" : i18n.current().format(n.message());
        }, i18n.messagesProperty(), vm.outcomeProperty()));
        subscriptions.add(status.textProperty()::unbind);
        subscriptions.onInvalidate(vm.outcomeProperty(), o -> {
            SyncNotice n = vm.outcomeProperty().get();
            status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (n != null) {
                status.getStyleClass().add(n.kind().problem() ? Styles.DANGER : Styles.SUCCESS);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, spacer, keep, apply);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, heading, fields, hint, note, buttons);
        VBox.setVgrow(fields, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** The bundle's label for a format member, or the member's own name when the bundle has none. */
    static String fieldLabel(String name, Messages m) {
        String key = "conflict.field." + name;
        return m.has(key) ? m.get(key) : name;
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
