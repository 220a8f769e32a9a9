package org.trustbench.review.attachment;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/**
 * Two attachments side by side ({@code #attachment-left}, {@code #attachment-right}) under one zoom
 * toolbar. Keys: Ctrl+Plus zooms in, Ctrl+Minus zooms out, Ctrl+0 shows 100%; Ctrl+wheel zooms.
 */
public final class AttachmentView implements View {

    private final AttachmentViewModel vm;
    private final I18n i18n;
    private final Subscriptions subscriptions = new Subscriptions();
    private final AttachmentSideView left;
    private final AttachmentSideView right;
    private final BorderPane root = new BorderPane();

    public AttachmentView(AttachmentViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        left = new AttachmentSideView(vm.left(), vm.attachments(), vm.zoomProperty(), i18n, "attachment-left");
        right = new AttachmentSideView(vm.right(), vm.attachments(), vm.zoomProperty(), i18n, "attachment-right");
        SplitPane split = new SplitPane(left.root(), right.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        root.setId("attachment-view");
        root.setTop(toolbar());
        root.setCenter(split);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
    }

    private Node toolbar() {
        Button zoomOut = button(new FontIcon(Material2MZ.ZOOM_OUT), "attachment.zoomOut", vm::zoomOut);
        zoomOut.setId("attachment-zoom-out");
        Button zoomIn = button(new FontIcon(Material2MZ.ZOOM_IN), "attachment.zoomIn", vm::zoomIn);
        zoomIn.setId("attachment-zoom-in");
        Button fit = button(new FontIcon(Material2MZ.ZOOM_OUT_MAP), "attachment.fit", this::fit);
        fit.setId("attachment-zoom-fit");
        Button actual = button(null, "attachment.actualSize", vm::actualSize);
        actual.setId("attachment-zoom-actual");
        actual.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("attachment.zoom", 1.0), i18n.messagesProperty()));
        Label zoom = new Label();
        zoom.setId("attachment-zoom-label");
        zoom.setMinWidth(48);
        zoom.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("attachment.zoom", vm.zoom()),
                vm.zoomProperty(), i18n.messagesProperty()));
        subscriptions.add(zoom.textProperty()::unbind);
        zoomOut.disableProperty().bind(vm.zoomProperty().lessThanOrEqualTo(AttachmentViewModel.MIN_ZOOM));
        zoomIn.disableProperty().bind(vm.zoomProperty().greaterThanOrEqualTo(AttachmentViewModel.MAX_ZOOM));
        subscriptions.add(zoomOut.disableProperty()::unbind);
        subscriptions.add(zoomIn.disableProperty()::unbind);
        ToolBar bar = new ToolBar(zoomOut, zoom, zoomIn, new Separator(Orientation.VERTICAL), fit, actual);
        bar.setId("attachment-toolbar");
        return bar;
    }

    private Button button(FontIcon icon, String tooltipKey, Runnable action) {
        Button b = new Button(null, icon);
        b.getStyleClass().add(Styles.FLAT);
        if (icon != null) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
        }
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text(tooltipKey));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void fit() {
        double w = Math.min(width(left), width(right));
        double h = Math.min(height(left), height(right));
        if (w > 0 && h > 0) {
            vm.fit(w - 16, h - 16); // the page has 8 px padding on each side
        }
    }

    private static double width(AttachmentSideView side) {
        double w = side.viewportWidth();
        return w > 0 ? w : Double.MAX_VALUE;
    }

    private static double height(AttachmentSideView side) {
        double h = side.viewportHeight();
        return h > 0 ? h : Double.MAX_VALUE;
    }

    private void onKey(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> vm.zoomIn();
            case MINUS, SUBTRACT -> vm.zoomOut();
            case DIGIT0, NUMPAD0 -> vm.actualSize();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShortcutDown() && e.getDeltaY() != 0) {
            if (e.getDeltaY() > 0) {
                vm.zoomIn();
            } else {
                vm.zoomOut();
            }
            e.consume();
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        left.dispose();
        right.dispose();
    }
}
