package org.trustbench.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.review.CaseReview;
import org.trustbench.ui.Tasks;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/**
 * The decision form of the review screen: what the officer fills in, the problems that stop it,
 * the case's decisions so far, and the supervisor's sign-off. Commands run as tasks; after each
 * change {@code onChanged} reloads the review and the queue.
 */
public final class DecisionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionViewModel.class);

    private final DecisionService service;
    private final Executor executor;
    private final User user;
    private final Runnable onChanged;
    private final ObservableValue<CaseReview> review;

    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObservableSet<ReasonCode> reasons = FXCollections.observableSet();
    private final StringProperty rationale = new SimpleStringProperty("");
    private final ObservableSet<Supplement> supplements = FXCollections.observableSet();
    private final ObservableSet<String> acknowledged = FXCollections.observableSet();
    private final StringProperty justification = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Long> correcting = new ReadOnlyObjectWrapper<>();
    private final ObservableList<UserMessage> problems = FXCollections.observableArrayList();
    private final ObservableList<Decision> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> done = new ReadOnlyObjectWrapper<>();

    public DecisionViewModel(DecisionService service, Executor executor, User user, ObservableValue<CaseReview> review,
                             Runnable onChanged) {
        this.service = service;
        this.executor = executor;
        this.user = user;
        this.review = review;
        this.onChanged = onChanged;
        review.addListener((o, a, b) -> caseChanged(a, b));
        caseChanged(null, review.getValue());
        outcome.addListener((o, a, b) -> reasons.removeIf(r -> r.outcome() != b));
    }

    private void caseChanged(CaseReview before, CaseReview now) {
        boolean sameCase = before != null && now != null && before.filingCase().id() == now.filingCase().id();
        if (!sameCase) {
            clearForm();
            correcting.set(null);
        }
        problems.clear();
        history.clear();
        if (now != null) {
            long caseId = now.filingCase().id();
            run(() -> service.forCase(caseId), list -> {
                if (review.getValue() != null && review.getValue().filingCase().id() == caseId) {
                    history.setAll(list);
                }
            });
        }
    }

    private void clearForm() {
        outcome.set(null);
        reasons.clear();
        rationale.set("");
        supplements.clear();
        acknowledged.clear();
        justification.set("");
        note.set("");
    }

    public boolean canDecide() {
        return user.hasRole(Role.DESK_OFFICER) || user.hasRole(Role.SUPERVISOR);
    }

    /** The supervisor can act on the pending override (not their own). */
    public boolean canSignOff(Decision pending) {
        return user.hasRole(Role.SUPERVISOR) && pending != null && !pending.decidedBy().equals(user.username());
    }

    public List<Finding> blockers() {
        CaseReview r = review.getValue();
        return r == null ? List.of() : DecisionRules.blockers(r.findings());
    }

    public boolean isOverride() {
        CaseReview r = review.getValue();
        return r != null && DecisionRules.isOverride(draft(), r.findings());
    }

    public DecisionDraft draft() {
        CaseReview r = review.getValue();
        return new DecisionDraft(r == null ? 0 : r.filingCase().id(), outcome.get(), new ArrayList<>(reasons), rationale.get(),
                new ArrayList<>(supplements), acknowledged, justification.get(), correcting.get());
    }

    /** RECEIVED → IN_REVIEW. */
    public void startReview() {
        CaseReview r = review.getValue();
        if (r != null) {
            run(() -> {
                service.startReview(user, r.filingCase().id());
                return null;
            }, ignored -> finished("decision.done.reviewStarted"));
        }
    }

    /** Checks the form here first (so every problem shows at once), then records the decision. */
    public void submit() {
        CaseReview r = review.getValue();
        if (r == null) {
            return;
        }
        DecisionDraft d = draft();
        List<UserMessage> local = DecisionRules.problems(r.filingCase().caseNo(), r.filingCase().status(), d, r.findings());
        problems.setAll(local);
        if (!local.isEmpty()) {
            return;
        }
        run(() -> service.decide(user, d), decision -> {
            clearForm();
            correcting.set(null);
            finished(decision.signOff() == null && r.filingCase().status() != CaseStatus.PENDING_SIGNOFF && decision.isOverride()
                    ? "decision.done.pending" : "decision.done.recorded");
        });
    }

    public void signOff(Decision pending) {
        run(() -> service.signOff(user, pending.id(), note.get()), d -> finished("decision.done.signedOff"));
    }

    public void sendBack(Decision pending) {
        run(() -> service.sendBack(user, pending.id(), note.get()), d -> finished("decision.done.sentBack"));
    }

    /** Starts a correction of the latest decision: a new decision that supersedes it. */
    public void startCorrection(Decision latest) {
        clearForm();
        correcting.set(latest.id());
    }

    public void cancelCorrection() {
        clearForm();
        correcting.set(null);
    }

    private void finished(String key) {
        done.set(UserMessage.of(key));
        onChanged.run();
    }

    private <T> void run(Callable<T> body, java.util.function.Consumer<T> onSuccess) {
        Task<T> task = Tasks.of(body);
        busy.set(true);
        task.setOnSucceeded(e -> {
            busy.set(false);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable ex = task.getException();
            if (ex instanceof DecisionService.DecisionRefused refused) {
                problems.setAll(refused.problems());
            } else if (ex instanceof UserException user) {
                problems.setAll(user.userMessage());
            } else {
                LOG.error("Decision action failed", ex);
                problems.setAll(UserMessage.of("decision.error.unexpected", String.valueOf(ex.getMessage())));
            }
        });
        executor.execute(task);
    }

    public User user() {
        return user;
    }

    public ObservableValue<CaseReview> review() {
        return review;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObservableSet<ReasonCode> reasons() {
        return reasons;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public ObservableSet<Supplement> supplements() {
        return supplements;
    }

    public ObservableSet<String> acknowledged() {
        return acknowledged;
    }

    public StringProperty justificationProperty() {
        return justification;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<Long> correctingProperty() {
        return correcting.getReadOnlyProperty();
    }

    public ObservableList<UserMessage> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ObservableList<Decision> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last completed action, as a message to show. */
    public ReadOnlyObjectProperty<UserMessage> doneProperty() {
        return done.getReadOnlyProperty();
    }
}
