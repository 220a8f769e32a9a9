package org.trustbench.app.cli;

import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.training.Dataset;
import org.trustbench.training.DemoWorkspaceService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo …}: manage the demo workspace. Always works on the demo store, never the real one. */
@Command(name = "demo", resourceBundle = "i18n.cli", subcommands = {DemoCommand.Reset.class, DemoCommand.Package.class,
        DemoCommand.Generate.class})
public final class DemoCommand {

    @ParentCommand
    TrustBenchCommand root;

    @Command(name = "reset", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Reset implements Callable<Integer> {

        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", paramLabel = "NAME|DIR", descriptionKey = "option.dataset",
                defaultValue = DemoWorkspaceService.DEFAULT_DATASET)
        String dataset;

        @Override
        public Integer call() {
            TrustBenchCommand root = demo.root;
            try (AppServices services = root.openDemoAsIs()) {
                DemoWorkspaceService workspace = services.demoWorkspace();
                Dataset loaded = workspace.reset(workspace.source(dataset));
                services.audit().append(root.actor(), org.trustbench.audit.AuditAction.DEMO_RESET, "dataset:" + loaded.name(),
                        java.util.Map.of("cases", loaded.batch().cases().size()));
                services.users().ensureDemoUsers(services.store().workspace());
                services.checks().checkAll(root.actor(), (done, total) -> { }, () -> false);
                spec.commandLine().getOut().println(root.messages().get("cli.demo.reset.done", loaded.name(),
                        loaded.batch().cases().size(), loaded.batch().providers().size(), services.store().folder()));
            }
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code demo package --out FILE [--cases N --seed S] [--key PEM]}: the demo dataset, or N synthetic cases, as an inbound package. */
    @Command(name = "package", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Package implements Callable<Integer> {

        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "option.demoPackageOut")
        java.nio.file.Path out;

        @Option(names = "--cases", paramLabel = "N", descriptionKey = "option.generateCases")
        Integer cases;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", descriptionKey = "option.generateSeed")
        long seed;

        @Option(names = "--key", paramLabel = "PEMFILE", descriptionKey = "option.demoPackageKey",
                defaultValue = org.trustbench.sync.DemoPackageService.DEFAULT_KEY_FILE)
        java.nio.file.Path key;

        @Override
        public Integer call() {
            return DemoPackageCommand.write(demo.root, spec, out, key, cases, seed);
        }
    }

    /** {@code demo generate --cases N [--seed S] --out FILE}: N deterministic synthetic cases as a demo inbound package. */
    @Command(name = "generate", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Generate implements Callable<Integer> {

        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cases", paramLabel = "N", required = true, descriptionKey = "option.generateCases")
        int cases;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", descriptionKey = "option.generateSeed")
        long seed;

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "option.demoPackageOut")
        java.nio.file.Path out;

        @Option(names = "--key", paramLabel = "PEMFILE", descriptionKey = "option.demoPackageKey",
                defaultValue = org.trustbench.sync.DemoPackageService.DEFAULT_KEY_FILE)
        java.nio.file.Path key;

        @Override
        public Integer call() {
            return DemoPackageCommand.write(demo.root, spec, out, key, cases, seed);
        }
    }
}
