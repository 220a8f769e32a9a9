package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditEntry;
import org.trustbench.audit.AuditQuery;
import org.trustbench.audit.VerifyResult;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code audit …}: the tamper-evident audit log. {@code audit verify} re-computes the hash chain
 * and exits with 1 naming the first altered entry; {@code audit list} shows entries, newest first.
 */
@Command(name = "audit", resourceBundle = "i18n.cli", subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
public final class AuditCommand {

    @ParentCommand
    TrustBenchCommand root;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    /** Output formats of {@code audit list}. */
    enum Format { table, json }

    @Command(name = "verify", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TrustBenchCommand root = audit.root;
            VerifyResult result;
            try (AppServices services = root.open()) {
                result = services.audit().verify();
            }
            if (!result.ok()) {
                long seq = result.firstBrokenSeq();
                throw new UserException(UserMessage.of(result.reasonKey(), Long.toString(seq), Long.toString(seq - 1)));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(root.messages().get("cli.audit.ok", result.entriesChecked()));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListEntries implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--case", paramLabel = "CASE", descriptionKey = "audit.option.case")
        String caseNo;

        @Option(names = "--user", paramLabel = "USER", descriptionKey = "audit.option.user")
        String user;

        @Option(names = "--since", paramLabel = "YYYY-MM-DD", descriptionKey = "audit.option.since")
        LocalDate since;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        Format format;

        @Override
        public Integer call() throws Exception {
            TrustBenchCommand root = audit.root;
            List<AuditEntry> entries;
            try (AppServices services = root.open()) {
                entries = services.audit().list(new AuditQuery(caseNo, user, since, null, 0));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(json(entries));
            } else {
                printTable(out, entries, root.messages());
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static String json(List<AuditEntry> entries) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (AuditEntry e : entries) {
                ObjectNode o = array.addObject();
                o.put("seq", e.seq());
                o.put("at", e.at().toString());
                o.put("username", e.username());
                o.put("action", e.action() == null ? null : e.action().name());
                o.put("subject", e.subject());
                o.set("detail", mapper.valueToTree(e.detail()));
                o.put("prevHash", e.prevHash());
                o.put("hash", e.hash());
            }
            return mapper.writeValueAsString(array);
        }

        private static void printTable(PrintWriter out, List<AuditEntry> entries, Messages m) throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            TextTable table = new TextTable(m.get("audit.column.seq"), m.get("audit.column.at"), m.get("audit.column.user"),
                    m.get("audit.column.action"), m.get("audit.column.subject"), m.get("audit.column.detail"));
            for (AuditEntry e : entries) {
                table.row(Long.toString(e.seq()), TIME.format(e.at()), e.username(),
                        e.action() == null ? "?" : m.of("audit.action", e.action()), e.subject(),
                        mapper.writeValueAsString(e.detail()));
            }
            table.print(out);
            out.println(m.get("cli.audit.count", entries.size()));
        }
    }
}
