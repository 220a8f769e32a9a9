package org.trustbench.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import picocli.CommandLine;

/**
 * Builds the picocli command line and maps outcomes to exit codes: 0 success, 1 a user error
 * (one line, no stack trace), 2 a usage error.
 */
public final class Cli {

    public static final int USER_ERROR = 1;

    private Cli() {
    }

    public static CommandLine create(TrustBenchCommand.GuiLauncher gui, Messages messages, Clock clock,
                                     PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TrustBenchCommand(gui, messages, clock));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof UserException user) {
                e.println(messages.get("cli.error", messages.format(user.userMessage())));
            } else {
                LoggerFactory.getLogger(Cli.class).error("Unexpected failure", ex);
                e.println(messages.get("cli.unexpected", ex.getClass().getSimpleName() + ": " + ex.getMessage()));
            }
            e.flush();
            return USER_ERROR;
        });
        return cl;
    }
}
