package org.trustbench.review.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.domain.Attachment;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;

/** The attachment viewer in a real (headless Monocle) window, reading blobs from a real store. */
@ExtendWith(ApplicationExtension.class)
class AttachmentViewFxTest {

    /** Tasks run on the calling thread, so every step has finished when the robot looks. */
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    static Path tmp;

    private Store store;
    private AttachmentViewModel vm;
    private AttachmentView view;
    private I18n i18n;
    private Attachment photo;
    private Attachment licence;
    private Attachment tampered;
    private Attachment broken;

    @Start
    void start(Stage stage) throws Exception {
        store = Store.open(new DataFolder(tmp.resolve("fx-" + System.nanoTime())), Workspace.DEMO);
        photo = AttachmentLoaderTest.storeSample(store, "premises-workshop.png", "image/png");
        licence = AttachmentLoaderTest.storeSample(store, "business-licence-scan.pdf", "application/pdf");
        tampered = AttachmentLoaderTest.storeSample(store, "premises-storefront.png", "image/png");
        AttachmentLoaderTest.tamper(store, tampered);
        broken = AttachmentLoaderTest.storeBlob(store, "broken.pdf", "application/pdf",
                "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
        vm = new AttachmentViewModel(new AttachmentLoader(new AttachmentRepository(store.dsl())), SAME_THREAD,
                List.of(photo, licence, tampered, broken));
        i18n = new I18n(Messages.ENGLISH);
        view = new AttachmentView(vm, i18n);
        vm.compare(photo, licence);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void closeStore() throws Exception {
        FxToolkit.cleanupStages();
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                view.dispose();
                vm.close();
            }).get();
        }
        store.close();
    }

    private static <T extends Node> T in(FxRobot robot, String side, String id, Class<T> type) {
        Node pane = robot.lookup("#" + side).query();
        return robot.from(pane).lookup("#" + id).queryAs(type);
    }

    private static Label zoomLabel(FxRobot robot) {
        return robot.lookup("#attachment-zoom-label").queryAs(Label.class);
    }

    @Test
    void showsAnImageAndAPdfPageSideBySide(FxRobot robot) {
        for (String side : List.of("attachment-left", "attachment-right")) {
            ImageView imageView = in(robot, side, "attachment-image", ImageView.class);
            Image image = imageView.getImage();
            assertNotNull(image, side);
            assertTrue(image.getWidth() > 0 && image.getHeight() > 0, side);
            assertTrue(imageView.getBoundsInParent().getWidth() > 0 && imageView.getBoundsInParent().getHeight() > 0, side);
            assertFalse(in(robot, side, "attachment-digest-warning", Label.class).isVisible(), side);
            assertFalse(in(robot, side, "attachment-error", Label.class).isVisible(), side);
        }
        // The PDF page is rendered above screen resolution and shown at A4 size at 100%.
        ImageView pdf = in(robot, "attachment-right", "attachment-image", ImageView.class);
        assertEquals(595 * 96 / 72.0, pdf.getFitWidth(), 1.0);
        assertTrue(pdf.getImage().getWidth() > pdf.getFitWidth());
        Label page = in(robot, "attachment-right", "attachment-page-label", Label.class);
        assertTrue(page.isVisible());
        assertEquals("Page 1 of 1", page.getText());
        assertFalse(in(robot, "attachment-left", "attachment-page-label", Label.class).getParent().isVisible(),
                "images have no pages");
        @SuppressWarnings("unchecked")
        ComboBox<Attachment> choice = in(robot, "attachment-left", "attachment-choice", ComboBox.class);
        assertEquals(photo, choice.getValue());
        assertEquals(4, choice.getItems().size());
    }

    @Test
    void zoomButtonsAndShortcutsScaleBothPanes(FxRobot robot) {
        ImageView photoView = in(robot, "attachment-left", "attachment-image", ImageView.class);
        double width = photoView.getFitWidth();
        assertEquals(photoView.getImage().getWidth(), width, 0.01, "images are shown pixel for pixel at 100%");
        assertEquals("100%", zoomLabel(robot).getText());

        robot.clickOn("#attachment-zoom-in");
        assertEquals("125%", zoomLabel(robot).getText());
        assertEquals(width * 1.25, photoView.getFitWidth(), 0.01);
        robot.clickOn("#attachment-zoom-in");
        assertEquals("150%", zoomLabel(robot).getText());

        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertEquals("125%", zoomLabel(robot).getText());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertEquals("150%", zoomLabel(robot).getText());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals("100%", zoomLabel(robot).getText());

        robot.clickOn("#attachment-zoom-fit");
        ImageView pdfView = in(robot, "attachment-right", "attachment-image", ImageView.class);
        assertNotEquals(1.0, vm.zoom());
        assertTrue(pdfView.getBoundsInParent().getHeight() <= 800, "the A4 page fits the window's height");
        assertEquals(Math.round(vm.zoom() * 100) + "%", zoomLabel(robot).getText());

        for (int i = 0; i < 20; i++) {
            robot.interact(vm::zoomOut);
        }
        assertEquals("25%", zoomLabel(robot).getText());
        assertTrue(robot.lookup("#attachment-zoom-out").queryButton().isDisabled());
    }

    @Test
    void aTamperedBlobShowsTheDigestWarningWithBothDigests(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Attachment> choice = in(robot, "attachment-right", "attachment-choice", ComboBox.class);
        robot.interact(() -> choice.setValue(tampered));
        Label warning = in(robot, "attachment-right", "attachment-digest-warning", Label.class);
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains(tampered.sm3()), warning.getText());
        String actual = vm.right().actualSm3Property().get();
        assertNotEquals(tampered.sm3(), actual);
        assertTrue(warning.getText().contains(actual), warning.getText());
        assertNotNull(in(robot, "attachment-right", "attachment-image", ImageView.class).getImage(),
                "the altered file is still shown beside the warning");
        assertFalse(in(robot, "attachment-left", "attachment-digest-warning", Label.class).isVisible());

        robot.interact(() -> i18n.setLocale(Messages.CHINESE));
        assertTrue(warning.getText().contains("篡改"), warning.getText());
        assertTrue(warning.getText().contains(actual));

        robot.interact(() -> choice.setValue(licence));
        assertFalse(warning.isVisible());
        assertEquals("第 1 页，共 1 页", in(robot, "attachment-right", "attachment-page-label", Label.class).getText());
    }

    @Test
    void anUnreadablePdfShowsTheErrorInsteadOfAPage(FxRobot robot) {
        robot.interact(() -> vm.left().selectedProperty().set(broken));
        Label error = in(robot, "attachment-left", "attachment-error", Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("Cannot read the PDF \u201cbroken.pdf\u201d"), error.getText());
        assertNull(in(robot, "attachment-left", "attachment-image", ImageView.class).getImage());
        assertFalse(in(robot, "attachment-left", "attachment-digest-warning", Label.class).isVisible());
        assertNotNull(in(robot, "attachment-right", "attachment-image", ImageView.class).getImage(),
                "the other side is unaffected");
    }

    @Test
    void theWindowShowsTheFirstTwoAttachmentsAndReleasesThemWhenClosed(FxRobot robot) throws Exception {
        AttachmentViewModel own = new AttachmentViewModel(new AttachmentLoader(new AttachmentRepository(store.dsl())),
                SAME_THREAD, List.of(licence, photo));
        Stage window = WaitForAsyncUtils.asyncFx(() -> AttachmentWindow.show(null, own, i18n)).get();
        WaitForAsyncUtils.waitForFxEvents(); // a task reports its result through Platform.runLater
        assertTrue(window.isShowing());
        assertEquals("Attachments \u2014 TrustBench", window.getTitle());
        assertEquals(licence, own.left().selected());
        assertEquals(photo, own.right().selected());
        assertNotNull(own.left().pageProperty().get());
        robot.interact(window::close);
        assertNull(own.left().selected());
        assertNull(own.right().pageProperty().get());
    }
}
