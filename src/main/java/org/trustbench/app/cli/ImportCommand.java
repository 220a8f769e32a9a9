package org.trustbench.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.sync.ImportService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE}: verifies and applies an inbound package. Prints a one-line summary; a package already imported
 * is reported as such (exit 0); a refused package exits with 1 and its one-line reason (via {@link Cli}).
 */
@Command(name = "import", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    TrustBenchCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.importFile")
    Path file;

    @Override
    public Integer call() {
        try (AppServices services = root.open()) {
            ImportService.ImportResult r = services.importer().importPackage(file, root.actor(), () -> false);
            if (r.alreadyImported()) {
                spec.commandLine().getOut().println(root.messages().get("cli.import.already", file, r.packageId()));
            } else {
                spec.commandLine().getOut().println(root.messages().get("cli.import.done", file,
                        r.counts().getOrDefault("case", 0L), r.counts().getOrDefault("issuer_key", 0L), r.packageId()));
            }
        }
        return CommandLine.ExitCode.OK;
    }
}
