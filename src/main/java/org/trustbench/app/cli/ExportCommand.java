package org.trustbench.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.sync.ExportService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export --out DIR [--from N] [--to M]}: the outbox as a signed outbound package. */
@Command(name = "export", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    TrustBenchCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "option.exportOut")
    Path out;

    @Option(names = "--from", paramLabel = "N", descriptionKey = "option.exportFrom")
    Long from;

    @Option(names = "--to", paramLabel = "M", descriptionKey = "option.exportTo")
    Long to;

    @Override
    public Integer call() {
        try (AppServices services = root.open()) {
            ExportService.ExportResult r = services.export().export(out, root.actor(), from, to, () -> false);
            spec.commandLine().getOut().println(root.messages().get("cli.export.done", r.file(), r.from(), r.to(),
                    r.counts().getOrDefault("decision", 0L), r.counts().getOrDefault("signoff", 0L), r.packageId()));
        }
        return CommandLine.ExitCode.OK;
    }
}
