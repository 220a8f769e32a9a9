package org.trustbench.review.attachment;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.trustbench.domain.Attachment;

/**
 * Two attachments of a case side by side, sharing one zoom. Each {@link AttachmentSide} loads its
 * attachment's bytes, checks the SM3 digest and renders the current page in the background;
 * on each side the latest request wins.
 */
public final class AttachmentViewModel {

    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 4.0;
    static final double[] ZOOM_STEPS = {0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0};
    private static final double EPSILON = 1e-6;

    private final ObservableList<Attachment> attachments;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0) {
        @Override
        public void set(double value) {
            super.set(Double.isNaN(value) ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value)));
        }
    };
    private final AttachmentSide left;
    private final AttachmentSide right;

    public AttachmentViewModel(AttachmentLoader loader, Executor executor, List<Attachment> attachments) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(executor, "executor");
        this.attachments = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(attachments));
        this.left = new AttachmentSide(loader, executor);
        this.right = new AttachmentSide(loader, executor);
    }

    /** The attachments either side can show. */
    public ObservableList<Attachment> attachments() {
        return attachments;
    }

    public AttachmentSide left() {
        return left;
    }

    public AttachmentSide right() {
        return right;
    }

    /** Shows {@code leftOne} and {@code rightOne} (either may be null for an empty side). */
    public void compare(Attachment leftOne, Attachment rightOne) {
        left.selectedProperty().set(leftOne);
        right.selectedProperty().set(rightOne);
    }

    /** If nothing is shown yet: the first attachment on the left, the second (if any) on the right. */
    public void selectDefaults() {
        if (left.selected() == null && right.selected() == null && !attachments.isEmpty()) {
            compare(attachments.get(0), attachments.size() > 1 ? attachments.get(1) : null);
        }
    }

    /** Zoom factor, 1.0 = 100%; kept within {@link #MIN_ZOOM} and {@link #MAX_ZOOM}. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double zoom() {
        return zoom.get();
    }

    public void zoomIn() {
        for (double step : ZOOM_STEPS) {
            if (step > zoom.get() + EPSILON) {
                zoom.set(step);
                return;
            }
        }
        zoom.set(MAX_ZOOM);
    }

    public void zoomOut() {
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < zoom.get() - EPSILON) {
                zoom.set(ZOOM_STEPS[i]);
                return;
            }
        }
        zoom.set(MIN_ZOOM);
    }

    public void actualSize() {
        zoom.set(1.0);
    }

    /** Zooms so that the shown pages fit whole in a viewport of the given size (in display pixels). */
    public void fit(double viewportWidth, double viewportHeight) {
        double best = Double.POSITIVE_INFINITY;
        for (AttachmentSide side : List.of(left, right)) {
            RenderedPage p = side.pageProperty().get();
            if (p != null) {
                best = Math.min(best, Math.min(viewportWidth / p.displayWidth(), viewportHeight / p.displayHeight()));
            }
        }
        if (Double.isFinite(best) && best > 0) {
            zoom.set(best);
        }
    }

    /** Cancels running work and releases the rendered pages (the window closed). */
    public void close() {
        left.selectedProperty().set(null);
        right.selectedProperty().set(null);
    }
}
