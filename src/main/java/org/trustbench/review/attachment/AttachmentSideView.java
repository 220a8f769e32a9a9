package org.trustbench.review.attachment;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.domain.Attachment;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/**
 * One pane of the {@link AttachmentView}: attachment chooser, page navigation, digest warning and
 * the page image, scaled by the shared zoom. Ids inside the pane are the same on both sides; look
 * them up under the pane's id ({@code #attachment-left #attachment-page-label}).
 */
final class AttachmentSideView implements View {

    private final AttachmentSide side;
    private final ObservableDoubleValue zoom;
    private final I18n i18n;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ImageView imageView = new ImageView();
    private final ScrollPane scroll;
    private final BorderPane root = new BorderPane();

    AttachmentSideView(AttachmentSide side, ObservableList<Attachment> attachments, ObservableDoubleValue zoom,
            I18n i18n, String id) {
        this.side = side;
        this.zoom = zoom;
        this.i18n = i18n;
        root.setId(id);
        root.getStyleClass().add("attachment-pane");
        root.setMinWidth(120);

        imageView.setId("attachment-image");
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        StackPane canvas = new StackPane(imageView);
        canvas.setPadding(new Insets(8));
        scroll = new ScrollPane(canvas);
        scroll.setPannable(true);
        scroll.viewportBoundsProperty().addListener((o, was, b) -> canvas.setMinSize(b.getWidth(), b.getHeight()));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(40, 40);
        bind(progress.visibleProperty(), side.loadingProperty());
        Label error = new Label();
        error.setId("attachment-error");
        error.setWrapText(true);
        error.setGraphic(new FontIcon(Material2AL.BROKEN_IMAGE));
        error.getStyleClass().add(Styles.DANGER);
        error.setMaxWidth(420);
        bindText(error, () -> side.errorProperty().get() == null ? "" : i18n.current().format(side.errorProperty().get()),
                side.errorProperty());
        bind(error.visibleProperty(), side.failedProperty());
        Label none = new Label();
        none.getStyleClass().add(Styles.TEXT_MUTED);
        bindText(none, () -> i18n.get("attachment.none"));
        bind(none.visibleProperty(), side.selectedProperty().isNull());

        root.setTop(new VBox(header(attachments), warning()));
        root.setCenter(new StackPane(scroll, progress, error, none));

        subscriptions.onInvalidate(side.pageProperty(), o -> showPage());
        subscriptions.onInvalidate(zoom, o -> applyZoom());
        showPage();
    }

    private Node header(ObservableList<Attachment> attachments) {
        ComboBox<Attachment> choice = new ComboBox<>(attachments);
        choice.setId("attachment-choice");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Attachment a) {
                return a == null ? "" : a.fileName();
            }

            @Override
            public Attachment fromString(String text) {
                return null;
            }
        });
        choice.promptTextProperty().bind(i18n.text("attachment.choose"));
        choice.valueProperty().bindBidirectional(side.selectedProperty());
        subscriptions.add(() -> choice.valueProperty().unbindBidirectional(side.selectedProperty()));
        HBox.setHgrow(choice, Priority.ALWAYS);

        Button previous = iconButton(new FontIcon(Material2AL.CHEVRON_LEFT), "attachment.previousPage", side::previousPage);
        previous.setId("attachment-previous-page");
        bind(previous.disableProperty(), side.hasPreviousProperty().not());
        Button next = iconButton(new FontIcon(Material2AL.CHEVRON_RIGHT), "attachment.nextPage", side::nextPage);
        next.setId("attachment-next-page");
        bind(next.disableProperty(), side.hasNextProperty().not());
        Label page = new Label();
        page.setId("attachment-page-label");
        page.setMinWidth(Region.USE_PREF_SIZE);
        bindText(page, () -> i18n.get("attachment.page", side.pageIndexProperty().get() + 1, side.pageCountProperty().get()),
                side.pageIndexProperty(), side.pageCountProperty());
        HBox pager = new HBox(4, previous, page, next);
        pager.setAlignment(Pos.CENTER);
        bind(pager.visibleProperty(), side.pagedProperty());
        pager.managedProperty().bind(pager.visibleProperty());

        HBox header = new HBox(8, choice, pager);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 8, 6, 8));
        return header;
    }

    private Node warning() {
        Label warning = new Label();
        warning.setId("attachment-digest-warning");
        warning.getStyleClass().addAll(Styles.DANGER, Styles.BG_DANGER_SUBTLE, Styles.TEXT_BOLD, "attachment-digest-warning");
        warning.setGraphic(new FontIcon(Material2MZ.WARNING));
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setPadding(new Insets(6, 10, 6, 10));
        bindText(warning, () -> i18n.get("attachment.digestMismatch", text(side.expectedSm3Property().get()),
                text(side.actualSm3Property().get())), side.expectedSm3Property(), side.actualSm3Property());
        bind(warning.visibleProperty(), side.digestMismatchProperty());
        warning.managedProperty().bind(warning.visibleProperty());
        return warning;
    }

    private void showPage() {
        RenderedPage p = side.pageProperty().get();
        if (p == null) {
            imageView.setImage(null);
            return;
        }
        WritableImage image = new WritableImage(p.width(), p.height());
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
        imageView.setImage(image);
        applyZoom();
    }

    private void applyZoom() {
        RenderedPage p = side.pageProperty().get();
        if (p != null) {
            imageView.setFitWidth(p.displayWidth() * zoom.get());
            imageView.setFitHeight(p.displayHeight() * zoom.get());
        }
    }

    /** The visible area of the page, for fitting the zoom. */
    double viewportWidth() {
        return scroll.getViewportBounds().getWidth();
    }

    double viewportHeight() {
        return scroll.getViewportBounds().getHeight();
    }

    private Button iconButton(FontIcon icon, String tooltipKey, Runnable action) {
        Button b = new Button(null, icon);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text(tooltipKey));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void bindText(Label label, Callable<String> text, Observable... on) {
        Observable[] deps = Arrays.copyOf(on, on.length + 1);
        deps[on.length] = i18n.messagesProperty();
        label.textProperty().bind(Bindings.createStringBinding(text, deps));
        subscriptions.add(label.textProperty()::unbind);
    }

    private <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        subscriptions.add(target::unbind);
    }

    private static String text(String value) {
        return value == null ? "" : value;
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
