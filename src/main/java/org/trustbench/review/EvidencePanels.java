package org.trustbench.review;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.i18n.Messages;
import org.trustbench.verify.CheckInput.SignatureStatus;

/** The evidence panels of the review screen, one titled pane per kind, each item with its fields. */
final class EvidencePanels {

    /** Fields shown per kind, in this order; others follow. */
    private static final Map<EvidenceKind, List<String>> FIELDS = Map.of(
            EvidenceKind.LICENCE, List.of("name", "nameEn", "uscc", "legalRep", "address", "status", "termTo", "authority", "scope"),
            EvidenceKind.CREDENTIAL, List.of("type", "number", "holder", "issuer", "level", "scope"),
            EvidenceKind.PREMISES, List.of("address", "result", "inspector", "inspectedAt", "gps", "checklist"),
            EvidenceKind.IDENTITY, List.of("person", "method", "checkedAt", "result"),
            EvidenceKind.AUTHORISATION, List.of("customer", "country", "authorisedParty", "authorisedUscc", "equipment",
                    "services", "territory"));

    private final Messages m;
    private final LocalDate today;
    private final int warningDays;
    private final Highlights highlights;
    private final Consumer<EvidenceItem> openAttachments;

    EvidencePanels(Messages m, LocalDate today, int warningDays, Highlights highlights, Consumer<EvidenceItem> openAttachments) {
        this.m = m;
        this.today = today;
        this.warningDays = warningDays;
        this.highlights = highlights;
        this.openAttachments = openAttachments;
    }

    List<TitledPane> build(CaseReview review) {
        return Arrays.stream(EvidenceKind.values()).map(kind -> pane(kind, review)).toList();
    }

    private TitledPane pane(EvidenceKind kind, CaseReview review) {
        List<EvidenceItem> items = review.filingCase().evidence().stream().filter(e -> e.kind() == kind).toList();
        VBox box = new VBox(8);
        if (items.isEmpty()) {
            Label none = new Label(m.get("detail.evidence.none"));
            none.getStyleClass().addAll("badge", Styles.WARNING);
            box.getChildren().add(none);
        }
        for (EvidenceItem item : items) {
            box.getChildren().add(item(item, review.signatures().get(item.id())));
        }
        TitledPane pane = new TitledPane(m.of("evidence.kind", kind) + " (" + items.size() + ")", box);
        pane.setId("evidence-" + kind.name());
        pane.setExpanded(true);
        // Focus stays with the findings list; a focused pane would make the scroll pane jump to it.
        pane.setFocusTraversable(false);
        if (kind == EvidenceKind.PREMISES) {
            highlights.register(EvidenceRef.caseField("premises"), pane);
        } else if (kind == EvidenceKind.IDENTITY) {
            highlights.register(EvidenceRef.caseField("identity"), pane);
        } else if (kind == EvidenceKind.AUTHORISATION) {
            highlights.register(EvidenceRef.caseField("authorisation"), pane);
        } else if (kind == EvidenceKind.CREDENTIAL) {
            highlights.register(EvidenceRef.caseField("credentials"), pane);
        }
        return pane;
    }

    private Node item(EvidenceItem e, SignatureStatus signature) {
        Label source = new Label(m.of("evidence.source", e.source()));
        source.getStyleClass().addAll("badge", Styles.ACCENT);
        Label title = new Label(e.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(8, 4, source, title);
        head.setAlignment(Pos.CENTER_LEFT);
        title.setWrapText(true);
        validity(e).ifPresent(head.getChildren()::add);
        if (signature != null) {
            Label sig = new Label(m.of("signature", signature), new FontIcon(signature == SignatureStatus.VALID
                    ? Material2AL.LOCK : Material2AL.LOCK_OPEN));
            sig.getStyleClass().addAll("badge", signature == SignatureStatus.VALID ? Styles.SUCCESS
                    : signature == SignatureStatus.MISSING ? Styles.WARNING : Styles.DANGER);
            sig.setId("signature-" + e.id());
            head.getChildren().add(sig);
        }
        if (!e.attachments().isEmpty()) {
            Button files = new Button(m.get("review.attachments", e.attachments().size()), new FontIcon(Material2AL.ATTACH_FILE));
            files.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            files.setId("attachments-" + e.id());
            files.setOnAction(a -> openAttachments.accept(e));
            head.getChildren().add(files);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        int row = 0;
        List<String> order = FIELDS.getOrDefault(e.kind(), List.of());
        List<String> keys = new java.util.ArrayList<>(order.stream().filter(e.fields()::containsKey).toList());
        e.fields().keySet().stream().filter(k -> !order.contains(k)).forEach(keys::add);
        for (String key : keys) {
            Label k = new Label(m.has("field." + key) ? m.get("field." + key) : key);
            k.getStyleClass().add(Styles.TEXT_MUTED);
            Label v = new Label(value(key, e.field(key)));
            v.setWrapText(true);
            grid.addRow(row++, k, v);
            highlights.register(new EvidenceRef(e.id(), key), v);
        }
        VBox box = new VBox(4, head, grid);
        box.setPadding(new Insets(6, 8, 6, 8));
        box.getStyleClass().add("evidence-item");
        box.setId("evidence-item-" + e.id());
        highlights.registerEvidence(e.id(), box);
        return box;
    }

    private java.util.Optional<Label> validity(EvidenceItem e) {
        if (e.validTo() == null && e.validFrom() == null) {
            return java.util.Optional.empty();
        }
        String text = m.get("detail.evidence.valid", e.validFrom() == null ? "…" : e.validFrom(),
                e.validTo() == null ? "…" : e.validTo());
        Label l = new Label(text);
        l.getStyleClass().addAll("badge");
        if (e.validTo() != null && e.validTo().isBefore(today)) {
            l.setText(text + " · " + m.get("validity.expired"));
            l.getStyleClass().add(Styles.DANGER);
        } else if (e.validTo() != null && ChronoUnit.DAYS.between(today, e.validTo()) <= warningDays) {
            l.setText(text + " · " + m.get("validity.expiring"));
            l.getStyleClass().add(Styles.WARNING);
        } else {
            l.getStyleClass().add(Styles.SUCCESS);
        }
        return java.util.Optional.of(l);
    }

    /** Codes (service codes, methods, results, checklist items) shown in the officer's language. */
    private String value(String key, String raw) {
        if (raw == null) {
            return "—";
        }
        if (List.of("scope", "services", "checklist", "method", "result", "type").contains(key) && raw.matches("[A-Z0-9_,]+")) {
            return Arrays.stream(raw.split(",")).map(this::code).collect(Collectors.joining(m.get("list.separator")));
        }
        return raw;
    }

    private String code(String c) {
        for (String prefix : List.of("service.", "equipment.code.", "value.")) {
            if (m.has(prefix + c)) {
                return m.get(prefix + c);
            }
        }
        return c;
    }
}
