package org.trustbench.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trustbench.sync.DemoPackageService;
import org.trustbench.synth.SyntheticCases;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.training.DemoWorkspaceService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code demo-package --out FILE [--key PEMFILE]}: the hidden old name of {@code demo package}. Opens no store.
 */
@Command(name = "demo-package", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true, hidden = true)
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
        return write(root, spec, out, key, null, 1L);
    }

    /**
     * Writes the demo dataset, or {@code cases} synthetic cases of {@code seed} when {@code cases} is given, as a
     * demo inbound package, and prints what was written.
     */
    static int write(TrustBenchCommand root, CommandLine.Model.CommandSpec spec, Path out, Path key, Integer cases,
                     long seed) {
        if (cases != null && (cases < 0 || cases > SyntheticCases.MAX_CASES)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    root.messages().get("cli.demo.generate.badCount", cases, SyntheticCases.MAX_CASES));
        }
        DemoPackageService.Result r = write(root.clock(), out, key, cases, seed, Path.of(""));
        spec.commandLine().getOut().println(root.messages().get("cli.demoPackage.done", r.file(), r.cases(),
                r.issuerKeys(), r.attachments(), r.packageId()));
        return CommandLine.ExitCode.OK;
    }

    /** The package itself; {@code checkout} is where the demo registry keys are ({@code sample-data/tools}). */
    static DemoPackageService.Result write(java.time.Clock clock, Path out, Path key, Integer cases, long seed,
                                           Path checkout) {
        ClassLoader loader = DemoPackageCommand.class.getClassLoader();
        DemoPackageService service = new DemoPackageService(loader, clock);
        if (cases == null) {
            return service.write(out, key);
        }
        Dataset template = DatasetReader.read(DatasetSource.classpath(DemoWorkspaceService.DEFAULT_DATASET, loader));
        SyntheticCases generator = SyntheticCases.fromCheckout(template, seed, checkout);
        return service.write(generator.iterator(cases), template.batch().issuers(), template.batch().blobs(),
                SyntheticCases.effectiveAt(template), out, key);
    }
}
