package org.trustbench.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trustbench.sync.DemoPackageService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code demo-package --out FILE [--key PEMFILE]}: the demo dataset as an inbound package signed with the DEMO central
 * key, which demo stores trust. Opens no store.
 */
@Command(name = "demo-package", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class DemoPackageCommand implements Callable<Integer> {

    @ParentCommand
    TrustBenchCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "option.demoPackageOut")
    Path out;

    @Option(names = "--key", paramLabel = "PEMFILE", descriptionKey = "option.demoPackageKey",
            defaultValue = DemoPackageService.DEFAULT_KEY_FILE)
    Path key;

    @Override
    public Integer call() {
        DemoPackageService.Result r = new DemoPackageService(DemoPackageCommand.class.getClassLoader(), root.clock())
                .write(out, key);
        spec.commandLine().getOut().println(root.messages().get("cli.demoPackage.done", r.file(), r.cases(),
                r.issuerKeys(), r.attachments(), r.packageId()));
        return CommandLine.ExitCode.OK;
    }
}
