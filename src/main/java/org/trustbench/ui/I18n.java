package org.trustbench.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.trustbench.i18n.Messages;

/**
 * The UI's current language. Views bind their text to it, so switching language updates every
 * open view in place.
 */
public final class I18n {

    private final ReadOnlyObjectWrapper<Messages> messages;

    public I18n(Locale initial) {
        this.messages = new ReadOnlyObjectWrapper<>(Messages.forLocale(initial));
    }

    public Messages current() {
        return messages.get();
    }

    public String get(String key, Object... args) {
        return messages.get().get(key, args);
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public Locale locale() {
        return messages.get().locale();
    }

    public void setLocale(Locale locale) {
        if (!Messages.supported(locale).equals(locale())) {
            messages.set(Messages.forLocale(locale));
        }
    }

    /** Text for {@code key} that follows the current language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }
}
