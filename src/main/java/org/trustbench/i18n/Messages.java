package org.trustbench.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * User-visible text for one locale. Every string a user sees comes from
 * {@code i18n/messages*.properties}; zh_CN and en are both complete (a test checks it).
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    static final String BUNDLE = "i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English must never silently show Chinese, or vice versa.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLocale(Locale requested) {
        return new Messages(supported(requested));
    }

    /** The supported locale closest to {@code requested}: Chinese for any zh locale, else English. */
    public static Locale supported(Locale requested) {
        return requested != null && "zh".equals(requested.getLanguage()) ? CHINESE : ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, formatted with {@link MessageFormat} when arguments are given. */
    public String get(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Text for an enum constant: key {@code <prefix>.<NAME>}. */
    public String of(String prefix, Enum<?> value) {
        return get(prefix + "." + value.name());
    }

    /**
     * Text for {@code key} whose arguments may name other bundle keys: an argument written
     * {@code #key1,key2} is rendered as the texts of those keys joined by the list separator
     * (a key the bundle lacks shows its last part, e.g. an equipment code).
     */
    public String getWithKeyArgs(String key, List<String> args) {
        return get(key, args.stream().map(this::renderArg).toArray());
    }

    private String renderArg(String arg) {
        if (arg == null || !arg.startsWith("#")) {
            return arg;
        }
        return java.util.Arrays.stream(arg.substring(1).split(","))
                .map(k -> has(k) ? get(k) : stripKnownPrefix(k))
                .collect(java.util.stream.Collectors.joining(get("list.separator")));
    }

    private static String stripKnownPrefix(String k) {
        for (String prefix : List.of("service.", "equipment.code.", "address.component.", "site.")) {
            if (k.startsWith(prefix)) {
                return k.substring(prefix.length());
            }
        }
        return k;
    }

    /** Text of a {@link UserMessage} (an error or notice raised below the UI). */
    public String format(UserMessage message) {
        return getWithKeyArgs(message.key(), message.args().stream().map(String::valueOf).toList());
    }
}
