package org.trustbench.ui;

import java.util.function.BiFunction;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;
import org.trustbench.i18n.Messages;

/** Read-only text columns whose header follows the language and whose cells are text made from the row. */
public final class TextColumns {

    private TextColumns() {
    }

    /**
     * A column headed by the bundle text {@code headerKey}, {@code width} wide, not sortable, whose cell shows
     * {@code value} of the row in the current language.
     */
    public static <T> TableColumn<T, String> of(I18n i18n, String headerKey, double width, BiFunction<T, Messages, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.text(headerKey));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue(), i18n.current())));
        return c;
    }
}
