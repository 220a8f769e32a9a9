package org.trustbench.review;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.stage.Window;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.domain.Uscc;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;
import org.trustbench.verify.ThreeChecks;

/**
 * The review of one case: header with the three checks, the comparison grid, the evidence by
 * kind, and the findings; a finding highlights the evidence it refers to.
 * Keys: Alt+Down/Alt+Up next/previous case, F8/Shift+F8 next/previous finding, Esc back to the queue.
 */
public final class ReviewView implements View {

    private final ReviewViewModel vm;
    private final I18n i18n;
    private final Clock clock;
    private final int warningDays;
    private final long registryMaxAgeDays;
    private final Runnable back;
    private final BiConsumer<EvidenceItem, Window> openAttachments;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Highlights highlights = new Highlights();
    private final BorderPane content = new BorderPane();
    private final ListView<Finding> findings = new ListView<>();
    private final VBox evidenceBox = new VBox(10);
    private final ScrollPane evidenceScroll = new ScrollPane(evidenceBox);
    private final Label cellDetail = new Label();
    private final StackPane root;
    private long shownCaseId = -1;
    private View sidePanel;
    private int selectedTab;

    public ReviewView(ReviewViewModel vm, I18n i18n, Clock clock, int warningDays, long registryMaxAgeDays, Runnable back,
                      BiConsumer<EvidenceItem, Window> openAttachments) {
        this.vm = vm;
        this.i18n = i18n;
        this.clock = clock;
        this.warningDays = warningDays;
        this.registryMaxAgeDays = registryMaxAgeDays;
        this.back = back;
        this.openAttachments = openAttachments;
        evidenceBox.setPadding(new Insets(10));
        evidenceScroll.setFitToWidth(true);
        findings.setId("review-findings");
        findings.setCellFactory(l -> new FindingCell());
        findings.setPlaceholder(new Label());
        findings.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedFindingProperty().get()) {
                vm.selectFinding(b);
            }
        });
        cellDetail.setWrapText(true);
        cellDetail.setId("grid-cell-detail");
        cellDetail.getStyleClass().add(Styles.TEXT_SMALL);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(48, 48);
        progress.visibleProperty().bind(vm.loadingProperty());
        root = new StackPane(content, progress);
        root.setId("review");
        root.getStyleClass().add("review");
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        subscriptions.onInvalidate(vm.reviewProperty(), o -> render());
        subscriptions.onInvalidate(vm.failedProperty(), o -> render());
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> render());
        subscriptions.onChange(vm.highlightedProperty(), (o, a, b) -> scrollTo(highlights.light(b)));
        subscriptions.onChange(vm.selectedFindingProperty(), (o, a, b) -> {
            if (b != null && findings.getSelectionModel().getSelectedItem() != b) {
                findings.getSelectionModel().select(b);
                findings.scrollTo(b);
            }
        });
        render();
    }

    private void keys(KeyEvent e) {
        if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
            vm.next();
        } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
            vm.previous();
        } else if (e.getCode() == KeyCode.F8) {
            if (e.isShiftDown()) {
                vm.previousFinding();
            } else {
                vm.nextFinding();
            }
        } else if (e.getCode() == KeyCode.ESCAPE) {
            back.run();
        } else {
            return;
        }
        e.consume();
    }

    private void render() {
        Messages m = i18n.current();
        highlights.clear();
        CaseReview r = vm.reviewProperty().get();
        if (r == null) {
            Label hint = new Label(m.get(vm.failedProperty().get() ? "detail.failed" : "review.loading"));
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            content.setTop(toolbar(m, null));
            content.setCenter(hint);
            return;
        }
        content.setTop(new VBox(toolbar(m, r.filingCase()), header(r, m)));
        if (r.filingCase().id() != shownCaseId) {
            shownCaseId = r.filingCase().id();
            evidenceScroll.setVvalue(0);
        }
        evidenceBox.getChildren().setAll(section(m.get("review.grid")),
                ComparisonGridView.build(r.grid(), m, highlights, cell -> {
                    cellDetail.setText(ComparisonGridView.explain(cell, m));
                    vm.highlight(cell.ref());
                }), cellDetail, section(m.get("detail.evidence", r.filingCase().evidence().size())));
        evidenceBox.getChildren().addAll(new EvidencePanels(m, LocalDate.now(clock), warningDays, highlights,
                item -> openAttachments.accept(item, root.getScene() == null ? null : root.getScene().getWindow()))
                .build(r));
        findings.setItems(FXCollections.observableArrayList(r.findings()));
        Label findingsTitle = section(r.findings().isEmpty() ? m.get("findings.none")
                : m.get("review.findings", r.findings().size()));
        Label stamp = new Label(r.computedAt() == null ? m.get("findings.unchecked")
                : m.get("review.stamp", r.engineVersion(), r.computedAt().toLocalDateTime().withNano(0)));
        stamp.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label keysHint = new Label(m.get("review.keys"));
        keysHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        keysHint.setWrapText(true);
        VBox right = new VBox(6, findingsTitle, stamp, findings, keysHint);
        right.setPadding(new Insets(10));
        VBox.setVgrow(findings, Priority.ALWAYS);
        Node side = right;
        if (sidePanel != null) {
            javafx.scene.control.Tab findingsTab = new javafx.scene.control.Tab(m.get("decision.findingsTab") + " ("
                    + r.findings().size() + ")", right);
            javafx.scene.control.Tab decisionTab = new javafx.scene.control.Tab(m.get("decision.tab"), sidePanel.root());
            decisionTab.setId("tab-decision");
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(findingsTab, decisionTab);
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.getSelectionModel().select(selectedTab);
            tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> selectedTab = b.intValue());
            side = tabs;
        }
        SplitPane split = new SplitPane(evidenceScroll, side);
        split.setDividerPositions(0.64);
        content.setCenter(split);
        scrollTo(highlights.light(vm.highlightedProperty().get()));
    }

    private Node toolbar(Messages m, FilingCase c) {
        Button backButton = button(m.get("review.back"), Material2AL.ARROW_BACK, back);
        backButton.setId("review-back");
        Button prev = button(m.get("review.previous"), Material2AL.ARROW_UPWARD, vm::previous);
        prev.setId("review-previous");
        Button next = button(m.get("review.next"), Material2AL.ARROW_DOWNWARD, vm::next);
        next.setId("review-next");
        Button recheck = button(m.get("review.recheck"), Material2MZ.REFRESH, vm::recheck);
        recheck.setId("review-recheck");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, backButton, prev, next, spacer, recheck);
        if (c != null) {
            Label no = new Label(c.caseNo() + " · " + m.of("status", c.status()));
            no.getStyleClass().add(Styles.TEXT_BOLD);
            bar.getChildren().add(3, no);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("review-toolbar");
        return bar;
    }

    private Node header(CaseReview r, Messages m) {
        FilingCase c = r.filingCase();
        Label name = new Label(c.provider().nameZh());
        name.setId("review-name");
        name.getStyleClass().add(Styles.TITLE_3);
        Label en = new Label(c.provider().nameEn() == null ? "" : c.provider().nameEn());
        en.getStyleClass().add(Styles.TEXT_MUTED);
        Uscc.Check check = c.provider().usccCheck();
        Label uscc = new Label(c.provider().uscc() + "  " + m.get("uscc." + check.result().name()));
        uscc.getStyleClass().addAll("badge", check.result().isValid() ? Styles.SUCCESS : Styles.WARNING);
        uscc.setId("review-uscc");
        highlights.register(org.trustbench.domain.EvidenceRef.caseField("uscc"), uscc);
        Label status = new Label(m.get("detail.registryStatus", m.of("registry", c.provider().registryStatus()),
                c.provider().registryStatus().label()));
        status.getStyleClass().addAll("badge", c.provider().registryStatus().isActive() ? Styles.SUCCESS : Styles.DANGER);
        highlights.register(org.trustbench.domain.EvidenceRef.caseField("registryStatus"), status);
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock), c.deadlineOn());
        Label deadline = new Label(days < 0 ? m.get("queue.daysLeft.overdue", -days) : m.get("queue.daysLeft.left", days));
        deadline.getStyleClass().addAll("badge", days < 0 ? Styles.DANGER : days <= 5 ? Styles.WARNING : Styles.ACCENT);
        FlowPane badges = new FlowPane(8, 6, uscc, status, deadline, registryAge(r, m));
        HBox tiles = new HBox(8);
        for (ThreeChecks.Check k : List.of(ThreeChecks.Check.REAL_PERSON, ThreeChecks.Check.CREDENTIALS, ThreeChecks.Check.PREMISES)) {
            tiles.getChildren().add(tile(k, r.lights().get(k), m));
        }
        VBox left = new VBox(4, name, en, badges);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox header = new HBox(16, left, tiles);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("review-header");
        return header;
    }

    /** Offline the officer must see how old the registry data is. */
    private Label registryAge(CaseReview r, Messages m) {
        if (r.registryRefreshedAt() == null) {
            Label l = new Label(m.get("review.registry.none"));
            l.getStyleClass().addAll("badge", Styles.WARNING);
            return l;
        }
        LocalDate day = r.registryRefreshedAt().toLocalDate();
        long age = ChronoUnit.DAYS.between(day, LocalDate.now(clock));
        Label l = new Label(m.get("review.registry.age", day, age), new FontIcon(Material2MZ.UPDATE));
        l.setId("review-registry-age");
        l.getStyleClass().addAll("badge", age > registryMaxAgeDays ? Styles.WARNING : Styles.ACCENT);
        return l;
    }

    private Node tile(ThreeChecks.Check check, ThreeChecks.Light light, Messages m) {
        FontIcon icon = new FontIcon(light == ThreeChecks.Light.GREEN ? Material2AL.CHECK_CIRCLE
                : light == ThreeChecks.Light.AMBER ? Material2AL.ERROR_OUTLINE : Material2AL.CANCEL);
        Label title = new Label(m.of("check", check));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label state = new Label(m.of("light", light), icon);
        VBox tile = new VBox(2, title, state);
        tile.setAlignment(Pos.CENTER);
        tile.setMinWidth(104);
        tile.setPadding(new Insets(6, 10, 6, 10));
        tile.setId("check-" + check.name());
        tile.getStyleClass().addAll("check-tile", "check-" + light.name().toLowerCase(java.util.Locale.ROOT));
        Tooltip.install(tile, new Tooltip(m.get("check.tooltip." + check.name())));
        return tile;
    }

    private void scrollTo(Node node) {
        if (node == null || evidenceBox.getHeight() <= 0) {
            return;
        }
        javafx.geometry.Bounds b = evidenceBox.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = evidenceScroll.getViewportBounds().getHeight();
        double max = evidenceBox.getHeight() - viewport;
        if (max > 0) {
            evidenceScroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / max)));
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.getStyleClass().add(Styles.FLAT);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** Severity badge, rule id and the explanation in the current language. */
    private final class FindingCell extends ListCell<Finding> {
        private final Label severity = new Label();
        private final Label rule = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(3, new HBox(6, severity, rule), text);

        FindingCell() {
            rule.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "mono");
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.maxWidthProperty().bind(findings.widthProperty().subtract(40));
        }

        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("finding-blocker", "finding-warning", "finding-info");
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Messages m = i18n.current();
            severity.setText(m.of("severity", f.severity()));
            severity.getStyleClass().setAll("label", "badge", f.severity() == Severity.BLOCKER ? Styles.DANGER
                    : f.severity() == Severity.WARNING ? Styles.WARNING : Styles.ACCENT);
            rule.setText(f.ruleId());
            text.setText(m.getWithKeyArgs(f.messageKey(), f.args()));
            setGraphic(box);
            setText(null);
            getStyleClass().add("finding-" + f.severity().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    /** A panel shown in a tab beside the findings (the decision form). Disposed with this view. */
    public void setSidePanel(View panel) {
        this.sidePanel = panel;
        render();
    }

    /** Keyboard focus on the findings, so F8 and the arrows work at once. */
    public void focus() {
        findings.requestFocus();
        // Once the queue has left the scene graph, focus repair may have moved focus; take it back.
        javafx.application.Platform.runLater(findings::requestFocus);
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        if (sidePanel != null) {
            sidePanel.dispose();
        }
    }
}
