package org.trustbench.caseq;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.Cursor;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.ServiceType;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/** The case queue: one search box, status and service filters, and a virtualised, sortable table. */
public final class CaseQueueView implements View {

    private final CaseQueueViewModel vm;
    private final I18n i18n;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final CustomTextField search = new CustomTextField();
    private final TableView<CaseSummary> table = new TableView<>();
    private final ComboBox<CaseStatus> statusBox = new ComboBox<>();
    private final ComboBox<ServiceType> serviceBox = new ComboBox<>();
    private final ComboBox<SeverityFilter> severityBox = new ComboBox<>();
    private final ComboBox<Integer> minFindingsBox = new ComboBox<>();
    private final VBox root;
    private final javafx.scene.control.ToggleButton previewToggle;
    private final javafx.beans.property.BooleanProperty preview;

    /**
     * @param preview whether the preview pane beside the queue is shown; the view adds a toggle for it
     */
    public CaseQueueView(CaseQueueViewModel vm, I18n i18n, Clock clock, javafx.beans.property.BooleanProperty preview) {
        this.vm = vm;
        this.i18n = i18n;
        this.clock = clock;
        this.preview = preview;
        previewToggle = new javafx.scene.control.ToggleButton(null, new FontIcon(Material2MZ.VIEW_SIDEBAR));
        previewToggle.setId("queue-preview-toggle");
        previewToggle.getStyleClass().add(Styles.BUTTON_ICON);
        previewToggle.selectedProperty().bindBidirectional(preview);
        Tooltip previewTip = new Tooltip();
        previewTip.textProperty().bind(i18n.text("queue.preview"));
        previewToggle.setTooltip(previewTip);
        this.root = new VBox(views(), toolbar(), tableWithPlaceholder());
        root.getStyleClass().add("case-queue");
        VBox.setVgrow(root.getChildren().get(2), Priority.ALWAYS);
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> table.refresh());
    }

    /** All cases, mine, awaiting my sign-off, decided today: one click each. */
    private Parent views() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        HBox box = new HBox(4);
        box.setPadding(new Insets(8, 8, 0, 8));
        for (QueueView v : QueueView.values()) {
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton();
            b.setId("queue-view-" + v.name());
            b.textProperty().bind(i18n.text("queueView." + v.name()));
            b.setToggleGroup(group);
            b.setSelected(vm.viewProperty().get() == v);
            b.setOnAction(e -> {
                vm.viewProperty().set(v);
                b.setSelected(true);
            });
            box.getChildren().add(b);
        }
        subscriptions.onChange(vm.viewProperty(), (o, a, b) -> group.getToggles().forEach(t -> t.setSelected(
                ((javafx.scene.control.ToggleButton) t).getId().equals("queue-view-" + b.name()))));
        return box;
    }

    private Parent toolbar() {
        search.setId("queue-search");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        FontIcon clear = new FontIcon(Material2AL.CLEAR);
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.promptTextProperty().bind(i18n.text("queue.search.prompt"));
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        subscriptions.add(() -> search.textProperty().unbindBidirectional(vm.searchTextProperty()));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focusTable();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            }
        });

        statusBox.setId("queue-status-filter");
        statusBox.getItems().add(null);
        statusBox.getItems().addAll(CaseStatus.values());
        configureCombo(statusBox, "queue.filter.allStatuses", m -> s -> m.of("status", s));
        statusBox.valueProperty().bindBidirectional(vm.statusFilterProperty());
        subscriptions.add(() -> statusBox.valueProperty().unbindBidirectional(vm.statusFilterProperty()));

        serviceBox.setId("queue-service-filter");
        serviceBox.getItems().add(null);
        serviceBox.getItems().addAll(ServiceType.values());
        configureCombo(serviceBox, "queue.filter.allServices", m -> s -> m.of("service", s));
        serviceBox.valueProperty().bindBidirectional(vm.serviceFilterProperty());
        subscriptions.add(() -> serviceBox.valueProperty().unbindBidirectional(vm.serviceFilterProperty()));

        severityBox.setId("queue-severity-filter");
        severityBox.getItems().add(null);
        severityBox.getItems().addAll(SeverityFilter.values());
        configureCombo(severityBox, "queue.filter.allSeverities", m -> f -> m.of("severityFilter", f));
        severityBox.valueProperty().bindBidirectional(vm.severityFilterProperty());
        subscriptions.add(() -> severityBox.valueProperty().unbindBidirectional(vm.severityFilterProperty()));

        minFindingsBox.setId("queue-min-findings");
        minFindingsBox.getItems().addAll(0, 1, 2, 3, 5);
        configureCombo(minFindingsBox, "queue.filter.anyFindings",
                m -> n -> n == 0 ? m.get("queue.filter.anyFindings") : m.get("queue.filter.minFindings", n));
        minFindingsBox.setValue(vm.minFindingsProperty().get());
        minFindingsBox.valueProperty().addListener((o, a, b) -> vm.minFindingsProperty().set(b == null ? 0 : b));
        subscriptions.onChange(vm.minFindingsProperty(), (o, a, b) -> minFindingsBox.setValue(b.intValue()));

        Label count = new Label();
        count.setId("queue-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("queue.count", vm.shownCountProperty().get(), vm.totalCountProperty().get()),
                i18n.messagesProperty(), vm.shownCountProperty(), vm.totalCountProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (ComboBox<?> box : java.util.List.of(statusBox, serviceBox, severityBox, minFindingsBox)) {
            box.setPrefWidth(150);
            box.setMinWidth(110);
        }
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, search, statusBox, serviceBox, severityBox, minFindingsBox, spacer, count);
        bar.getChildren().add(previewToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private <T> void configureCombo(ComboBox<T> box, String allKey, Function<Messages, Function<T, String>> label) {
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? i18n.get(allKey) : label.apply(i18n.current()).apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> {
            box.setButtonCell(box.getCellFactory().call(null));
            box.setCellFactory(box.getCellFactory());
        });
    }

    private Parent tableWithPlaceholder() {
        table.setId("queue-table");
        table.setItems(vm.rows());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(44);
        TableColumn<CaseSummary, CaseSummary> caseNo = column("column.caseNo", SortKey.CASE_NO, 192,
                (s, m) -> s.caseNo());
        TableColumn<CaseSummary, CaseSummary> provider = new TableColumn<>();
        provider.textProperty().bind(i18n.text("column.provider"));
        provider.setUserData(SortKey.PROVIDER);
        provider.setMinWidth(190);
        provider.setPrefWidth(300);
        provider.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        provider.setCellFactory(c -> new QueueCells.ProviderCell());
        TableColumn<CaseSummary, CaseSummary> uscc = column("column.uscc", SortKey.USCC, 180, (s, m) -> s.uscc());
        TableColumn<CaseSummary, CaseSummary> services = column("column.services", SortKey.SERVICES, 100,
                (s, m) -> s.services().stream().map(sv -> m.of("service", sv)).collect(Collectors.joining(m.get("list.separator"))));
        TableColumn<CaseSummary, CaseSummary> received = column("column.received", SortKey.RECEIVED, 104,
                (s, m) -> s.receivedOn().toString());
        TableColumn<CaseSummary, CaseSummary> daysLeft = new TableColumn<>();
        daysLeft.textProperty().bind(i18n.text("column.daysLeft"));
        daysLeft.setUserData(SortKey.DEADLINE);
        daysLeft.setMinWidth(122);
        daysLeft.setPrefWidth(122);
        daysLeft.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        daysLeft.setCellFactory(c -> new QueueCells.DaysLeftCell(i18n, clock));
        TableColumn<CaseSummary, CaseSummary> status = column("column.status", SortKey.STATUS, 90,
                (s, m) -> m.of("status", s.status()));
        TableColumn<CaseSummary, CaseSummary> assignee = column("column.assignee", SortKey.ASSIGNEE, 70,
                (s, m) -> s.assignee() == null ? m.get("queue.unassigned") : s.assignee());
        TableColumn<CaseSummary, CaseSummary> findings = new TableColumn<>();
        findings.textProperty().bind(i18n.text("column.findings"));
        findings.setUserData(SortKey.FINDINGS);
        findings.setMinWidth(96);
        findings.setPrefWidth(96);
        findings.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        findings.setCellFactory(c -> new QueueCells.FindingsCell(i18n));
        table.getColumns().setAll(java.util.List.of(caseNo, provider, uscc, findings, services, received, daysLeft, status,
                assignee));

        // Sorting happens in the index off the FX thread; the table only reports what the officer clicked.
        table.setSortPolicy(t -> true);
        table.getSortOrder().setAll(java.util.List.of(daysLeft));
        subscriptions.onListChange(table.getSortOrder(), c -> pushSort());
        for (TableColumn<CaseSummary, ?> col : table.getColumns()) {
            subscriptions.onInvalidate(col.sortTypeProperty(), o -> pushSort());
        }

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        subscriptions.onChange(vm.selectedProperty(), (o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });

        Label empty = new Label();
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? i18n.get("queue.loading")
                        : vm.totalCountProperty().get() == 0 ? i18n.get("queue.empty.store") : i18n.get("queue.empty.noMatch"),
                i18n.messagesProperty(), vm.totalCountProperty(), vm.loadingProperty()));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(48, 48);
        progress.visibleProperty().bind(vm.loadingProperty());
        return new StackPane(table, progress);
    }

    private void pushSort() {
        if (table.getSortOrder().isEmpty()) {
            vm.sortKeyProperty().set(SortKey.DEADLINE);
            vm.ascendingProperty().set(true);
            return;
        }
        TableColumn<CaseSummary, ?> first = table.getSortOrder().get(0);
        vm.sortKeyProperty().set((SortKey) first.getUserData());
        vm.ascendingProperty().set(first.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private TableColumn<CaseSummary, CaseSummary> column(String key, SortKey sortKey, double minWidth,
                                                        java.util.function.BiFunction<CaseSummary, Messages, String> text) {
        TableColumn<CaseSummary, CaseSummary> col = new TableColumn<>();
        col.textProperty().bind(i18n.text(key));
        col.setUserData(sortKey);
        col.setMinWidth(minWidth);
        col.setPrefWidth(minWidth);
        col.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CaseSummary item, boolean empty) {
                super.updateItem(item, empty);
                String value = empty || item == null ? null : text.apply(item, i18n.current());
                setText(value);
                setTooltip(value == null || sortKey != SortKey.SERVICES ? null : new Tooltip(value));
                getStyleClass().removeIf(s -> s.startsWith("status-"));
                if (!empty && item != null && sortKey == SortKey.STATUS) {
                    getStyleClass().add("status-" + item.status().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        return col;
    }

    /** What Enter or a double click on a row does: open the case for review. */
    public void setOnOpen(Runnable open) {
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.run();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<CaseSummary> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.run();
                }
            });
            return row;
        });
    }

    /** Puts the keyboard in the queue, so the arrow keys move through the cases at once. */
    public void focusQueue() {
        table.requestFocus();
        if (!table.getItems().isEmpty() && table.getFocusModel().getFocusedIndex() < 0) {
            table.getFocusModel().focus(0);
        }
    }

    /** Puts the keyboard in the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
            table.getFocusModel().focus(0);
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        previewToggle.selectedProperty().unbindBidirectional(preview);
        table.setItems(FXCollections.observableArrayList());
    }

    TextField searchField() {
        return search;
    }
}
