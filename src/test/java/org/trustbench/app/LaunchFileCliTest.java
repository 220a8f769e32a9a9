package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.Cli;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import picocli.CommandLine;

/** A .tbsync path as the last argument (file association) opens the workbench with it; commands still parse as commands. */
class LaunchFileCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path tmp;
    private final AtomicReference<LaunchOptions> launched = new AtomicReference<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        return Cli.create(launched::set, Messages.forLocale(Messages.ENGLISH), CLOCK, new PrintWriter(out, true),
                new PrintWriter(err, true));
    }

    @Test
    void aPackagePathLaunchesTheWorkbenchWithIt() {
        Path pkg = tmp.resolve("from central.tbsync");
        assertEquals(0, cli().execute("--data-dir", tmp.toString(), "--demo", pkg.toString()), err.toString());
        LaunchOptions o = launched.get();
        assertEquals(pkg.toAbsolutePath(), o.importFile());
        assertEquals(Workspace.DEMO, o.workspace());
    }

    @Test
    void withoutAFileNothingIsOffered() {
        assertEquals(0, cli().execute("--data-dir", tmp.toString()), err.toString());
        assertNull(launched.get().importFile());
    }

    @Test
    void subcommandsAreNotTakenForAFile() {
        CommandLine.ParseResult parsed = cli().parseArgs("--data-dir", tmp.toString(), "cases", "list");
        assertEquals("cases", parsed.subcommand().commandSpec().name());
        assertEquals("list", parsed.subcommand().subcommand().commandSpec().name());
        assertEquals(0, cli().execute("--data-dir", tmp.toString(), "cases", "list", "--format", "json"), err.toString());
        assertNull(launched.get(), "a command never opens the workbench");
    }

    @Test
    void helpNamesTheFileParameter() {
        cli().execute("--help");
        String help = out.toString();
        assertEquals(true, help.contains("FILE") && help.contains(".tbsync"), help);
    }
}
