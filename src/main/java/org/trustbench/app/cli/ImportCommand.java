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
 * {@code import FILE}: verifies and applies a package (inbound from the central system, or a workstation's outbound
 * package on a central or supervisor desk). Prints applied, skipped and conflict counts; a package already imported
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
                spec.commandLine().getOut().println(root.messages().get("cli.import.result", file, r.applied(), r.skipped(),
                        r.conflicts(), counts(r), r.packageId()));
                if (r.conflicts() > 0) {
                    spec.commandLine().getOut().println(root.messages().get("cli.import.conflictsHint", r.conflicts()));
                }
            }
        }
        return CommandLine.ExitCode.OK;
    }

    /** Applied records per type, e.g. {@code case 3, issuer_key 1}. */
    private static String counts(ImportService.ImportResult r) {
        StringBuilder b = new StringBuilder();
        r.counts().forEach((type, n) -> b.append(b.length() == 0 ? "" : ", ").append(type).append(' ').append(n));
        return b.toString();
    }
}
