package org.trustbench.review.attachment;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.domain.Attachment;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.ui.Tasks;

/**
 * One pane of the {@link AttachmentViewModel}: the chosen attachment, its current page and whether
 * its digest matches. Loading and rendering run as tasks on the executor; the latest request wins.
 */
public final class AttachmentSide {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentSide.class);

    private final AttachmentLoader loader;
    private final Executor executor;
    private final ObjectProperty<Attachment> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<RenderedPage> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 0);
    private final ReadOnlyBooleanWrapper paged = new ReadOnlyBooleanWrapper(this, "paged", false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper digestMismatch = new ReadOnlyBooleanWrapper(this, "digestMismatch", false);
    private final ReadOnlyStringWrapper expectedSm3 = new ReadOnlyStringWrapper(this, "expectedSm3");
    private final ReadOnlyStringWrapper actualSm3 = new ReadOnlyStringWrapper(this, "actualSm3");
    private final BooleanBinding hasPrevious = Bindings.createBooleanBinding(
            () -> pageIndex.get() > 0, pageIndex);
    private final BooleanBinding hasNext = Bindings.createBooleanBinding(
            () -> pageIndex.get() < pageCount.get() - 1, pageIndex, pageCount);
    private AttachmentContent content;
    private Task<?> task;

    AttachmentSide(AttachmentLoader loader, Executor executor) {
        this.loader = loader;
        this.executor = executor;
        selected.addListener((o, was, now) -> load(now));
    }

    private void load(Attachment attachment) {
        cancel();
        content = null;
        page.set(null);
        pageIndex.set(0);
        pageCount.set(0);
        paged.set(false);
        failed.set(false);
        error.set(null);
        digestMismatch.set(false);
        expectedSm3.set(null);
        actualSm3.set(null);
        if (attachment == null) {
            loading.set(false);
            return;
        }
        run(() -> loader.load(attachment), c -> {
            content = c;
            expectedSm3.set(c.expectedSm3());
            actualSm3.set(c.actualSm3());
            digestMismatch.set(!c.digestMatches());
            if (!c.digestMatches()) {
                LOG.warn("Attachment {} does not match its SM3 digest: expected {}, actual {}", c.fileName(),
                        c.expectedSm3(), c.actualSm3());
            }
            render(0);
        });
    }

    private void render(int index) {
        AttachmentContent c = content;
        if (c == null) {
            return;
        }
        pageIndex.set(index);
        run(() -> PageRenderer.render(c, index), r -> {
            page.set(r.page());
            pageIndex.set(r.pageIndex());
            pageCount.set(r.pageCount());
            paged.set(r.paged());
        });
    }

    private <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        cancel();
        Task<T> t = Tasks.of(work);
        task = t;
        loading.set(true);
        failed.set(false);
        error.set(null);
        t.setOnSucceeded(e -> {
            if (task == t) {
                loading.set(false);
                onSuccess.accept(t.getValue());
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                loading.set(false);
                fail(t.getException());
            }
        });
        executor.execute(t);
    }

    private void fail(Throwable problem) {
        if (problem instanceof UserException u) {
            LOG.info("Cannot show attachment {}: {}", selected.get(), u.getMessage());
            error.set(u.userMessage());
        } else {
            LOG.error("Showing attachment {} failed", selected.get(), problem);
            error.set(UserMessage.of("attachment.error.unexpected", String.valueOf(problem)));
        }
        page.set(null);
        failed.set(true);
    }

    private void cancel() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    public void nextPage() {
        if (hasNext.get()) {
            render(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (hasPrevious.get()) {
            render(pageIndex.get() - 1);
        }
    }

    /** The attachment shown on this side; set it to show another one. */
    public ObjectProperty<Attachment> selectedProperty() {
        return selected;
    }

    public Attachment selected() {
        return selected.get();
    }

    /** The current page's pixels, or null while nothing is shown. */
    public ReadOnlyObjectProperty<RenderedPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The current page, from 0. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    /** True for documents with pages (PDF), false for images. */
    public ReadOnlyBooleanProperty pagedProperty() {
        return paged.getReadOnlyProperty();
    }

    public BooleanBinding hasPreviousProperty() {
        return hasPrevious;
    }

    public BooleanBinding hasNextProperty() {
        return hasNext;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Why the attachment cannot be shown, as a bundle key and arguments. */
    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when the stored bytes no longer have the SM3 digest recorded for the attachment. */
    public ReadOnlyBooleanProperty digestMismatchProperty() {
        return digestMismatch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expectedSm3Property() {
        return expectedSm3.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actualSm3Property() {
        return actualSm3.getReadOnlyProperty();
    }
}
