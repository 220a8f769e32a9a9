package org.trustbench.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import org.trustbench.app.cli.Cli;
import org.trustbench.i18n.Messages;

/**
 * The jar's main class. It is not an {@link Application} subclass, so the JavaFX runtime can be
 * loaded from the class path. With no command it opens the workbench; commands run headless.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // Logging starts lazily; point it at the data folder's logs/ before anything logs.
        System.setProperty(TrustBenchApp.LOG_DIR_PROPERTY,
                LaunchOptions.resolve(dataDirArgument(args), false).dataFolder().root().resolve("logs").toString());
        Messages messages = Messages.forLocale(Locale.getDefault());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        Clock clock = Clock.systemDefaultZone();
        int code = Cli.create(options -> {
            TrustBenchApp.openEarly(options, clock);
            Application.launch(TrustBenchApp.class, args);
        }, messages, clock, out, err).execute(args);
        System.exit(code);
    }

    /** The value of {@code --data-dir} if given; picocli validates the arguments properly later. */
    static java.nio.file.Path dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return java.nio.file.Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return java.nio.file.Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return null;
    }
}
