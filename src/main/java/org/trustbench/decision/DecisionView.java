package org.trustbench.decision;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserMessage;
import org.trustbench.review.CaseReview;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/**
 * The decision panel of the review screen. What it offers follows the case's status: start the
 * review, the decision form, the supervisor's sign-off, or the recorded decision with a correction.
 */
public final class DecisionView implements View {

    private final DecisionViewModel vm;
    private final I18n i18n;
    private final Consumer<Decision> exportNotice;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);

    public DecisionView(DecisionViewModel vm, I18n i18n, Consumer<Decision> exportNotice) {
        this.vm = vm;
        this.i18n = i18n;
        this.exportNotice = exportNotice;
        content.setPadding(new Insets(10));
        content.setId("decision-panel");
        root.setFitToWidth(true);
        subscriptions.onInvalidate(vm.review(), o -> render());
        subscriptions.onInvalidate(vm.correctingProperty(), o -> render());
        subscriptions.onInvalidate(vm.outcomeProperty(), o -> render());
        subscriptions.onListChange(vm.history(), c -> render());
        subscriptions.onListChange(vm.problems(), c -> render());
        subscriptions.onInvalidate(i18n.messagesProperty(), o -> render());
        subscriptions.onInvalidate(vm.doneProperty(), o -> render());
        render();
    }

    private void render() {
        Messages m = i18n.current();
        CaseReview r = vm.review().getValue();
        content.getChildren().clear();
        if (r == null) {
            return;
        }
        FilingCase c = r.filingCase();
        Decision latest = vm.history().isEmpty() ? null : vm.history().get(0);
        if (vm.correctingProperty().get() != null) {
            content.getChildren().add(hint(m.get("decision.correcting", vm.correctingProperty().get())));
            form(m);
        } else if (c.status() == CaseStatus.RECEIVED) {
            content.getChildren().add(hint(m.get("decision.received")));
            if (vm.canDecide()) {
                content.getChildren().add(button("decision-start-review", m.get("decision.startReview"), vm::startReview, true));
            }
        } else if (c.status() == CaseStatus.IN_REVIEW) {
            if (vm.canDecide()) {
                form(m);
            } else {
                content.getChildren().add(hint(m.get("decision.notAllowed")));
            }
        } else if (c.status() == CaseStatus.PENDING_SIGNOFF && latest != null) {
            content.getChildren().add(summary(latest, m));
            signOff(latest, m);
        } else if (latest == null) {
            content.getChildren().add(hint(m.get("decision.noRecord", m.of("status", c.status()))));
        } else {
            content.getChildren().add(summary(latest, m));
            HBox actions = new HBox(8, button("decision-notice", m.get("decision.notice"), () -> exportNotice.accept(latest), false));
            if (vm.canDecide()) {
                actions.getChildren().add(button("decision-correct", m.get("decision.correct"), () -> vm.startCorrection(latest), false));
            }
            content.getChildren().add(actions);
        }
        problems(m);
        if (vm.history().size() > 1) {
            Label h = new Label(m.get("decision.history"));
            h.getStyleClass().add(Styles.TEXT_BOLD);
            content.getChildren().add(h);
            vm.history().stream().skip(1).forEach(d -> content.getChildren().add(summary(d, m)));
        }
    }

    private void form(Messages m) {
        ToggleGroup outcomes = new ToggleGroup();
        FlowPane outcomeRow = new FlowPane(10, 6);
        for (Outcome o : Outcome.values()) {
            RadioButton rb = new RadioButton(m.of("outcome", o));
            rb.setId("decision-outcome-" + o.name());
            rb.setToggleGroup(outcomes);
            rb.setSelected(vm.outcomeProperty().get() == o);
            rb.setOnAction(e -> vm.outcomeProperty().set(o));
            outcomeRow.getChildren().add(rb);
        }
        content.getChildren().addAll(section(m.get("decision.outcome")), outcomeRow);
        Outcome outcome = vm.outcomeProperty().get();
        if (outcome != null) {
            content.getChildren().add(section(m.get("decision.reasons")));
            for (ReasonCode reason : ReasonCode.forOutcome(outcome)) {
                content.getChildren().add(check("decision-reason-" + reason.name(), m.of("reason", reason),
                        vm.reasons().contains(reason), on -> toggle(vm.reasons(), reason, on)));
            }
            if (outcome == Outcome.RETURN) {
                content.getChildren().add(section(m.get("decision.supplements")));
                for (Supplement s : Supplement.values()) {
                    content.getChildren().add(check("decision-supplement-" + s.name(), m.of("supplement", s),
                            vm.supplements().contains(s), on -> toggle(vm.supplements(), s, on)));
                }
            }
        }
        List<Finding> blockers = vm.blockers();
        if (!blockers.isEmpty()) {
            content.getChildren().add(section(m.get("decision.acknowledge")));
            int i = 0;
            for (Finding b : blockers) {
                String key = FindingKey.of(b);
                CheckBox cb = check("decision-ack-" + i++, b.ruleId() + " — " + m.getWithKeyArgs(b.messageKey(), b.args()),
                        vm.acknowledged().contains(key), on -> toggle(vm.acknowledged(), key, on));
                content.getChildren().add(cb);
            }
        }
        if (vm.isOverride()) {
            Label warn = new Label(m.get("decision.override.warning"));
            warn.setWrapText(true);
            warn.getStyleClass().addAll("badge", Styles.WARNING);
            content.getChildren().addAll(warn, area("decision-justification", m.get("decision.override.prompt"),
                    vm.justificationProperty()));
        }
        content.getChildren().addAll(section(m.get("decision.rationale")),
                area("decision-rationale", m.get("decision.rationale.prompt"), vm.rationaleProperty()));
        String submitKey = vm.isOverride() ? "decision.submit.override" : "decision.submit";
        HBox actions = new HBox(8, button("decision-submit", m.get(submitKey), vm::submit, true));
        if (vm.correctingProperty().get() != null) {
            actions.getChildren().add(button("decision-cancel-correction", m.get("dialog.cancel"), vm::cancelCorrection, false));
        }
        content.getChildren().add(actions);
    }

    private void signOff(Decision pending, Messages m) {
        if (!vm.canSignOff(pending)) {
            content.getChildren().add(hint(m.get(pending.decidedBy().equals(vm.user().username())
                    ? "decision.pending.own" : "decision.pending.waiting")));
            return;
        }
        content.getChildren().addAll(section(m.get("decision.signoff")),
                area("decision-signoff-note", m.get("decision.signoff.prompt"), vm.noteProperty()),
                new HBox(8, button("decision-signoff", m.get("decision.signoff.approve"), () -> vm.signOff(pending), true),
                        button("decision-sendback", m.get("decision.signoff.sendBack"), () -> vm.sendBack(pending), false)));
    }

    private Node summary(Decision d, Messages m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.get("decision.summary.head", m.of("outcome", d.outcome()), d.decidedBy(),
                d.decidedAt().toLocalDateTime().withNano(0), d.id()));
        sb.append("\n").append(m.get("decision.summary.reasons", d.reasons().stream().map(r -> m.of("reason", r))
                .collect(Collectors.joining(m.get("list.separator")))));
        if (!d.supplements().isEmpty()) {
            sb.append("\n").append(m.get("decision.summary.supplements", d.supplements().stream().map(s -> m.of("supplement", s))
                    .collect(Collectors.joining(m.get("list.separator")))));
        }
        if (d.rationale() != null) {
            sb.append("\n").append(m.get("decision.summary.rationale", d.rationale()));
        }
        if (d.isOverride()) {
            sb.append("\n").append(m.get("decision.summary.override", d.overrideJustification()));
        }
        if (d.supersedes() != null) {
            sb.append("\n").append(m.get("decision.summary.supersedes", d.supersedes()));
        }
        if (d.signOff() != null) {
            sb.append("\n").append(m.get("decision.summary.signoff." + d.signOff().verdict().name(), d.signOff().signedBy(),
                    d.signOff().signedAt().toLocalDateTime().withNano(0), d.signOff().note() == null ? "" : d.signOff().note()));
        }
        Label l = new Label(sb.toString());
        l.setWrapText(true);
        l.setId("decision-summary-" + d.id());
        l.getStyleClass().add("evidence-item");
        l.setPadding(new Insets(6));
        return l;
    }

    private void problems(Messages m) {
        for (UserMessage p : vm.problems()) {
            Label l = new Label(m.format(p));
            l.setWrapText(true);
            l.getStyleClass().addAll("badge", Styles.DANGER, "decision-problem");
            content.getChildren().add(l);
        }
        if (vm.problems().isEmpty() && vm.doneProperty().get() != null) {
            Label l = new Label(m.format(vm.doneProperty().get()));
            l.setId("decision-done");
            l.getStyleClass().addAll("badge", Styles.SUCCESS);
            content.getChildren().add(l);
        }
    }

    private static <T> void toggle(javafx.collections.ObservableSet<T> set, T value, boolean on) {
        if (on) {
            set.add(value);
        } else {
            set.remove(value);
        }
    }

    private static CheckBox check(String id, String text, boolean selected, Consumer<Boolean> onChange) {
        CheckBox cb = new CheckBox(text);
        cb.setId(id);
        cb.setWrapText(true);
        cb.setSelected(selected);
        cb.selectedProperty().addListener((o, a, b) -> onChange.accept(b));
        return cb;
    }

    private TextArea area(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextArea a = new TextArea(value.get());
        a.setId(id);
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        a.textProperty().addListener((o, was, is) -> value.set(is));
        return a;
    }

    private Button button(String id, String text, Runnable action, boolean primary) {
        Button b = new Button(text);
        b.setId(id);
        if (primary) {
            b.getStyleClass().add(Styles.ACCENT);
        }
        b.disableProperty().bind(vm.busyProperty());
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
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
