package org.trustbench.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.app.LaunchOptions;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trustbench}: with no command it opens the workbench; commands run headless. */
@Command(name = "trustbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "i18n.cli", subcommands = {CasesCommand.class, DemoCommand.class, DecisionsCommand.class, AuditCommand.class,
        UsersCommand.class, KeysCommand.class, ExportCommand.class,
        ImportCommand.class, DemoPackageCommand.class, SyncCommand.class, BenchCommand.class})
public final class TrustBenchCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "option.dataDir")
    Path dataDir;

    @Option(names = "--demo", descriptionKey = "option.demo")
    boolean demo;

    /** A package to offer for import (the installer associates .tbsync files with the app this way). */
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", descriptionKey = "option.file")
    Path file;

    private final GuiLauncher gui;
    private final Messages messages;
    private final Clock clock;

    /** Starts the GUI with the resolved options. */
    @FunctionalInterface
    public interface GuiLauncher {
        void launch(LaunchOptions options);
    }

    public TrustBenchCommand(GuiLauncher gui, Messages messages, Clock clock) {
        this.gui = gui;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        gui.launch(launchOptions());
        return CommandLine.ExitCode.OK;
    }

    /** Data folder and workspace from the options and the environment. */
    public LaunchOptions launchOptions() {
        return LaunchOptions.resolve(dataDir, demo, file);
    }

    /**
     * Opens the store of the selected workspace; a demo store is filled with the default dataset
     * on first use, and unchecked cases are checked, as in the workbench.
     */
    AppServices open() {
        LaunchOptions o = launchOptions();
        AppServices services = AppServices.open(o.dataFolder(), o.workspace(), clock);
        try {
            services.prepare((done, total) -> { }, () -> false);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** Opens the demo store as it is, without loading anything. */
    AppServices openDemoAsIs() {
        return AppServices.open(launchOptions().dataFolder(), Workspace.DEMO, clock);
    }

    /** Who the audit log names for a headless command: the operating-system account. */
    String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    Messages messages() {
        return messages;
    }

    Clock clock() {
        return clock;
    }
}
