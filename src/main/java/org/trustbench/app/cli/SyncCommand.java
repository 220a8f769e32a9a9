package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.SyncPackageRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sync history [--format table|json]}: the packages this store exported and imported; {@code sync conflicts
 * [--all] [--format text|json]}: the records imports held back; {@code sync resolve ID (--keep-local|--apply-incoming)
 * --note TEXT [--user NAME [--password-stdin]]}: resolves one.
 */
@Command(name = "sync", resourceBundle = "i18n.cli",
        subcommands = {SyncCommand.History.class, SyncConflictsCommand.Conflicts.class, SyncConflictsCommand.Resolve.class})
public final class SyncCommand {

    @ParentCommand
    TrustBenchCommand root;

    @Command(name = "history", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class History implements Callable<Integer> {

        @ParentCommand
        SyncCommand sync;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        CasesCommand.Format format;

        @Override
        public Integer call() throws Exception {
            List<SyncPackageRepository.Entry> entries;
            try (AppServices services = sync.root.open()) {
                entries = services.syncPackages().history();
            }
            PrintWriter out = spec.commandLine().getOut();
            Messages m = sync.root.messages();
            if (format == CasesCommand.Format.json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode array = mapper.createArrayNode();
                for (SyncPackageRepository.Entry e : entries) {
                    ObjectNode o = array.addObject();
                    o.put("packageId", e.packageId());
                    o.put("direction", e.direction());
                    o.put("processedAt", e.processedAt().toString());
                    o.put("signerKeyId", e.signerKey());
                    if (e.from() != null) {
                        o.put("from", e.from());
                        o.put("to", e.to());
                    }
                    o.set("counts", mapper.readTree(e.counts()));
                    o.put("result", e.result());
                    o.put("file", e.fileName());
                }
                out.println(mapper.writeValueAsString(array));
            } else {
                TextTable table = new TextTable(m.get("cli.sync.package"), m.get("cli.sync.direction"), m.get("cli.decisions.at"),
                        m.get("cli.sync.counts"), m.get("cli.sync.signer"), m.get("cli.sync.result"));
                for (SyncPackageRepository.Entry e : entries) {
                    table.row(e.packageId(), e.direction(), e.processedAt().toString(), e.counts(),
                            e.signerKey().substring(0, Math.min(16, e.signerKey().length())), e.result());
                }
                table.print(out);
                out.println(m.get("cli.sync.count", entries.size()));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
