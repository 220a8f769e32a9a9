package org.trustbench.caseq;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Provider;
import org.trustbench.domain.Uscc;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/**
 * The selected case: provider header, case facts, equipment and the list of evidence by kind.
 * Rebuilt from the view model's immutable {@link FilingCase} whenever it or the language changes.
 */
public final class CaseDetailView implements View {

    private final CaseDetailViewModel vm;
    private final I18n i18n;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox content = new VBox(14);
    private final StackPane root;

    public CaseDetailView(CaseDetailViewModel vm, I18n i18n, Clock clock) {
        this.vm = vm;
        this.i18n = i18n;
        this.clock = clock;
        content.setPadding(new Insets(16));
        content.setId("case-detail");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(40, 40);
        progress.visibleProperty().bind(vm.loadingProperty());
        root = new StackPane(scroll, progress);
        root.getStyleClass().add("case-detail");
        subscriptions.onInvalidate(vm.detailProperty(), o -> render());
        subscriptions.onInvalidate(vm.failedProperty(), o -> render());
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> render());
        render();
    }

    private void render() {
        Messages m = i18n.current();
        FilingCase c = vm.detailProperty().get();
        if (c == null) {
            Label hint = new Label(m.get(vm.failedProperty().get() ? "detail.failed" : "detail.none"));
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            hint.setId("detail-placeholder");
            content.getChildren().setAll(hint);
            return;
        }
        content.getChildren().setAll(header(c.provider(), m), facts(c, m), section(m.get("detail.equipment")),
                equipment(c.equipment(), m), section(m.get("detail.evidence", c.evidence().size())), evidence(c.evidence(), m));
    }

    private Node header(Provider p, Messages m) {
        Label name = new Label(p.nameZh());
        name.setId("detail-name");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        Label en = new Label(p.nameEn() == null ? "" : p.nameEn());
        en.getStyleClass().add(Styles.TEXT_MUTED);
        en.setWrapText(true);
        Uscc.Check check = p.usccCheck();
        Label uscc = new Label(p.uscc());
        uscc.getStyleClass().add("mono");
        Label badge = badge(m.get("uscc." + check.result().name()), check.result().isValid() ? Styles.SUCCESS : Styles.DANGER);
        badge.setId("detail-uscc-badge");
        if (!check.result().isValid() && check.result() != Uscc.Result.BAD_FORMAT) {
            badge.setTooltip(new Tooltip(m.get("uscc.expected", check.expectedOrganisationCheck(), check.expectedCheckCharacter())));
        }
        Label status = badge(m.get("detail.registryStatus", m.of("registry", p.registryStatus()), p.registryStatus().label()),
                p.registryStatus().isActive() ? Styles.SUCCESS : Styles.DANGER);
        status.setId("detail-registry-status");
        FlowPane badges = new FlowPane(8, 6, uscc, badge, status);
        badges.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, name, en, badges);
    }

    private Node facts(FilingCase c, Messages m) {
        GridPane grid = grid();
        Provider p = c.provider();
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), c.deadlineOn());
        int row = 0;
        row = fact(grid, row, m.get("detail.caseNo"), c.caseNo());
        row = fact(grid, row, m.get("detail.status"), m.of("status", c.status()));
        row = fact(grid, row, m.get("detail.services"), c.services().stream().map(s -> m.of("service", s))
                .collect(Collectors.joining(m.get("list.separator"))));
        row = fact(grid, row, m.get("detail.platform"), c.platform());
        row = fact(grid, row, m.get("detail.received"), c.receivedOn().toString());
        row = fact(grid, row, m.get("detail.deadline"), c.deadlineOn() + "  (" + (days < 0
                ? m.get("queue.daysLeft.overdue", -days) : m.get("queue.daysLeft.left", days)) + ")");
        row = fact(grid, row, m.get("detail.assignee"), c.assignee() == null ? m.get("queue.unassigned") : c.assignee());
        row = fact(grid, row, m.get("detail.legalRep", p.legalRepTitle()), p.legalRep());
        row = fact(grid, row, m.get("detail.entityType"), p.entityType());
        row = fact(grid, row, m.get("detail.address"), p.registeredAddress());
        row = fact(grid, row, m.get("detail.authority"), p.registrationAuthority());
        row = fact(grid, row, m.get("detail.established"), p.establishedOn().toString());
        row = fact(grid, row, m.get("detail.term"), p.termTo() == null ? m.get("detail.term.open") : p.termTo().toString());
        fact(grid, row, m.get("detail.performer"), c.performer().name() + "  " + c.performer().uscc()
                + (c.performedByFiler() ? "" : "  · " + m.get(c.subcontractDeclared()
                ? "detail.performer.subcontract" : "detail.performer.other")));
        return grid;
    }

    private Node equipment(List<Equipment> items, Messages m) {
        VBox box = new VBox(4);
        for (Equipment e : items) {
            Label l = new Label(m.get("detail.equipment.line", e.make(), e.model(), e.serial(),
                    m.get("equipment.category." + (e.specialEquipment() ? "special" : "other"), e.categoryCode()),
                    m.of("site", e.siteType())));
            l.setGraphic(new FontIcon(Material2AL.BUILD));
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        return box;
    }

    private Node evidence(List<EvidenceItem> items, Messages m) {
        VBox list = new VBox(8);
        list.setId("detail-evidence");
        for (EvidenceKind kind : EvidenceKind.values()) {
            List<EvidenceItem> ofKind = items.stream().filter(e -> e.kind() == kind).toList();
            Label kindLabel = new Label(m.of("evidence.kind", kind) + " (" + ofKind.size() + ")");
            kindLabel.getStyleClass().add(Styles.TEXT_BOLD);
            list.getChildren().add(kindLabel);
            if (ofKind.isEmpty()) {
                Label none = badge(m.get("detail.evidence.none"), Styles.WARNING);
                list.getChildren().add(none);
            }
            for (EvidenceItem e : ofKind) {
                list.getChildren().add(evidenceRow(e, m));
            }
        }
        return list;
    }

    private Node evidenceRow(EvidenceItem e, Messages m) {
        Label source = badge(m.of("evidence.source", e.source()), Styles.ACCENT);
        source.setMinWidth(72);
        Label title = new Label(e.title());
        title.setWrapText(true);
        String validity = e.validFrom() == null && e.validTo() == null ? ""
                : m.get("detail.evidence.valid", e.validFrom() == null ? "…" : e.validFrom(), e.validTo() == null ? "…" : e.validTo());
        Label valid = new Label(validity);
        valid.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        if (e.validTo() != null && e.validTo().isBefore(LocalDate.now(clock))) {
            valid.getStyleClass().add(Styles.DANGER);
        }
        HBox row = new HBox(8, source, new VBox(2, title, valid));
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        if (!e.attachments().isEmpty()) {
            Label clip = new Label(Integer.toString(e.attachments().size()), new FontIcon(Material2AL.ATTACH_FILE));
            clip.setTooltip(new Tooltip(e.attachments().stream().map(a -> attachmentLine(a, m)).collect(Collectors.joining("\n"))));
            row.getChildren().add(clip);
        }
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("evidence-row");
        Tooltip.install(row, new Tooltip(e.fields().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("\n"))));
        return row;
    }

    private static String attachmentLine(Attachment a, Messages m) {
        return m.get("detail.attachment", a.fileName(), a.mediaType(), a.sizeBytes(), a.sm3());
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }

    private static int fact(GridPane grid, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        grid.addRow(row, l, v);
        return row + 1;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.setGraphic(new FontIcon(Material2MZ.SUBJECT));
        return l;
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        return l;
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
