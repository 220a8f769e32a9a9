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
        Messages messages = Messages.forLocale(Locale.getDefault());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = Cli.create(options -> {
            System.setProperty(TrustBenchApp.LOG_DIR_PROPERTY, options.dataFolder().root().resolve("logs").toString());
            Application.launch(TrustBenchApp.class, args);
        }, messages, Clock.systemDefaultZone(), out, err).execute(args);
        System.exit(code);
    }
}
