package org.trustbench.audit;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/**
 * The audit log: filters by case (subject), user and date over a table of entries, newest first,
 * and a button that re-computes the hash chain and shows OK or the first altered entry.
 */
public final class AuditView implements View {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditViewModel vm;
    private final I18n i18n;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TableView<AuditEntry> table = new TableView<>();
    private final Label verifyResult = new Label();
    private final BorderPane root = new BorderPane();

    public AuditView(AuditViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("audit-view");
        root.setTop(filterBar());
        root.setCenter(tableWithPlaceholder());
        root.setBottom(verifyBar());
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> {
            table.refresh();
            showVerifyResult();
        });
    }

    private Node filterBar() {
        TextField subject = new TextField();
        subject.setId("audit-filter-subject");
        subject.promptTextProperty().bind(i18n.text("audit.filter.subject"));
        subject.setPrefColumnCount(20);
        subject.textProperty().bindBidirectional(vm.subjectFilterProperty());
        subscriptions.add(() -> subject.textProperty().unbindBidirectional(vm.subjectFilterProperty()));

        TextField user = new TextField();
        user.setId("audit-filter-user");
        user.promptTextProperty().bind(i18n.text("audit.filter.user"));
        user.setPrefColumnCount(10);
        user.textProperty().bindBidirectional(vm.userFilterProperty());
        subscriptions.add(() -> user.textProperty().unbindBidirectional(vm.userFilterProperty()));

        DatePicker from = datePicker("audit-filter-from", "audit.filter.from");
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        subscriptions.add(() -> from.valueProperty().unbindBidirectional(vm.fromDateProperty()));
        DatePicker to = datePicker("audit-filter-to", "audit.filter.to");
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        subscriptions.add(() -> to.valueProperty().unbindBidirectional(vm.toDateProperty()));

        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setId("audit-filter-clear");
        clear.getStyleClass().add(Styles.BUTTON_ICON);
        Tooltip clearTip = new Tooltip();
        clearTip.textProperty().bind(i18n.text("audit.filter.clear"));
        clear.setTooltip(clearTip);
        clear.setOnAction(e -> vm.clearFilters());

        Label count = new Label();
        count.setId("audit-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.shownCountProperty().get();
            return n >= AuditViewModel.LIMIT ? i18n.get("audit.count.limited", n) : i18n.get("audit.count", n);
        }, i18n.messagesProperty(), vm.shownCountProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, subject, user, from, to, clear, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private DatePicker datePicker(String id, String promptKey) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(140);
        picker.promptTextProperty().bind(i18n.text(promptKey));
        return picker;
    }

    private Parent tableWithPlaceholder() {
        table.setId("audit-table");
        table.setItems(vm.entries());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("audit.column.seq", 70, (e, m) -> Long.toString(e.seq())),
                column("audit.column.at", 160, (e, m) -> TIME.format(e.at())),
                column("audit.column.user", 100, (e, m) -> e.username()),
                column("audit.column.action", 150, (e, m) -> e.action() == null ? "?" : m.of("audit.action", e.action())),
                column("audit.column.subject", 190, (e, m) -> e.subject()),
                column("audit.column.detail", 260, (e, m) -> detailText(e.detail()))));
        table.setSortPolicy(t -> true); // newest first, as listed

        Label empty = new Label();
        empty.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(vm.failedProperty().get() ? "audit.loadFailed" : "audit.empty"),
                i18n.messagesProperty(), vm.failedProperty()));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(48, 48);
        progress.visibleProperty().bind(vm.loadingProperty());
        return new StackPane(table, progress);
    }

    private TableColumn<AuditEntry, AuditEntry> column(String key, double width, BiFunction<AuditEntry, Messages, String> text) {
        TableColumn<AuditEntry, AuditEntry> col = new TableColumn<>();
        col.textProperty().bind(i18n.text(key));
        col.setMinWidth(Math.min(width, 70));
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        boolean detail = "audit.column.detail".equals(key);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(AuditEntry item, boolean empty) {
                super.updateItem(item, empty);
                String value = empty || item == null ? null : text.apply(item, i18n.current());
                setText(value);
                setTooltip(detail && value != null && !value.isEmpty() ? new Tooltip(value) : null);
            }
        });
        return col;
    }

    /** {@code key: value} pairs; strings as they are, everything else as JSON-like text. */
    static String detailText(Map<String, Object> detail) {
        return detail.entrySet().stream().map(e -> e.getKey() + ": " + valueText(e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    private static String valueText(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(AuditView::valueText).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + valueText(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v);
    }

    private Node verifyBar() {
        Button verify = new Button(null, new FontIcon(Material2MZ.VERIFIED_USER));
        verify.setId("audit-verify");
        verify.textProperty().bind(i18n.text("audit.verify"));
        verify.disableProperty().bind(vm.verifyingProperty());
        verify.setOnAction(e -> vm.verify());

        verifyResult.setId("audit-verify-result");
        verifyResult.setWrapText(true);
        subscriptions.onInvalidate(vm.verifyResultProperty(), o -> {
            showVerifyResult();
            selectBrokenEntry();
        });
        subscriptions.onInvalidate(vm.verifyingProperty(), o -> showVerifyResult());
        subscriptions.onInvalidate(vm.verifyErrorProperty(), o -> showVerifyResult());
        showVerifyResult();

        HBox bar = new HBox(12, verify, verifyResult);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        HBox.setHgrow(verifyResult, Priority.ALWAYS);
        return bar;
    }

    private void showVerifyResult() {
        verifyResult.getStyleClass().removeAll("badge", Styles.SUCCESS, Styles.DANGER);
        VerifyResult result = vm.verifyResultProperty().get();
        String error = vm.verifyErrorProperty().get();
        if (vm.verifyingProperty().get()) {
            verifyResult.setText(i18n.get("audit.verify.running"));
        } else if (error != null) {
            verifyResult.setText(i18n.get("audit.verify.failed", error));
            verifyResult.getStyleClass().addAll("badge", Styles.DANGER);
        } else if (result == null) {
            verifyResult.setText("");
        } else if (result.ok()) {
            verifyResult.setText(i18n.get("audit.verify.ok", result.entriesChecked()));
            verifyResult.getStyleClass().addAll("badge", Styles.SUCCESS);
        } else {
            long seq = result.firstBrokenSeq();
            verifyResult.setText(i18n.get(result.reasonKey(), Long.toString(seq), Long.toString(seq - 1)));
            verifyResult.getStyleClass().addAll("badge", Styles.DANGER);
        }
    }

    /** Selects the entry the last verification found broken, if it is listed. */
    private void selectBrokenEntry() {
        VerifyResult result = vm.verifyResultProperty().get();
        if (result == null || result.ok()) {
            return;
        }
        vm.entries().stream().filter(e -> e.seq() == result.firstBrokenSeq()).findFirst().ifPresent(e -> {
            table.getSelectionModel().select(e);
            table.scrollTo(e);
        });
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
