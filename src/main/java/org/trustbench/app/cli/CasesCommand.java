package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trustbench.app.AppServices;
import org.trustbench.caseq.QueueIndex;
import org.trustbench.caseq.QueueQuery;
import org.trustbench.caseq.SeverityFilter;
import org.trustbench.caseq.SortKey;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cases …}: the case queue from the command line. */
@Command(name = "cases", resourceBundle = "i18n.cli", subcommands = {CasesCommand.ListCases.class, CaseShowCommands.Show.class, CaseShowCommands.Check.class})
public final class CasesCommand {

    @ParentCommand
    TrustBenchCommand root;

    /** Output formats of {@code cases list}. */
    enum Format { table, json }

    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListCases implements Callable<Integer> {

        @ParentCommand
        CasesCommand cases;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--status", paramLabel = "S", descriptionKey = "option.status")
        CaseStatus status;

        @Option(names = "--query", paramLabel = "Q", descriptionKey = "option.query")
        String query;

        @Option(names = "--severity", paramLabel = "LEVEL", descriptionKey = "option.severity")
        SeverityFilter severity;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        Format format;

        @Override
        public Integer call() throws Exception {
            TrustBenchCommand root = cases.root;
            List<CaseSummary> rows;
            try (AppServices services = root.open()) {
                QueueIndex index = QueueIndex.of(services.caseQueueRepository().findAllSummaries());
                rows = index.search(new QueueQuery(query, status, null, severity, 0, SortKey.CASE_NO, true, null, null));
            }
            LocalDate today = LocalDate.now(root.clock());
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(json(rows, today));
            } else {
                printTable(out, rows, today, root.messages());
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static String json(List<CaseSummary> rows, LocalDate today) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (CaseSummary s : rows) {
                ObjectNode o = array.addObject();
                o.put("caseNo", s.caseNo());
                o.put("uscc", s.uscc());
                o.put("providerNameZh", s.providerNameZh());
                o.put("providerNameEn", s.providerNameEn());
                ArrayNode services = o.putArray("services");
                s.services().forEach(sv -> services.add(sv.name()));
                o.put("receivedOn", s.receivedOn().toString());
                o.put("deadlineOn", s.deadlineOn().toString());
                o.put("daysLeft", s.daysLeft(today));
                o.put("status", s.status().name());
                o.put("assignee", s.assignee());
                o.put("maxSeverity", s.maxSeverity() == null ? null : s.maxSeverity().name());
                o.put("findingCount", s.findingCount());
            }
            return mapper.writeValueAsString(array);
        }

        static String findingsText(CaseSummary s, Messages m) {
            if (!s.checked()) {
                return m.get("findings.unchecked");
            }
            return s.findingCount() == 0 ? m.get("findings.none")
                    : m.get("findings.summary", m.of("severity", s.maxSeverity()), s.findingCount());
        }

        private static void printTable(PrintWriter out, List<CaseSummary> rows, LocalDate today, Messages m) {
            TextTable table = new TextTable(m.get("column.caseNo"), m.get("column.provider"), m.get("column.uscc"),
                    m.get("column.services"), m.get("column.received"), m.get("column.daysLeft"), m.get("column.status"),
                    m.get("column.assignee"), m.get("column.findings"));
            for (CaseSummary s : rows) {
                table.row(s.caseNo(), s.providerNameZh(), s.uscc(),
                        s.services().stream().map(sv -> m.of("service", sv)).collect(Collectors.joining("、")),
                        s.receivedOn().toString(), Long.toString(s.daysLeft(today)), m.of("status", s.status()),
                        s.assignee() == null ? "—" : s.assignee(), findingsText(s, m));
            }
            table.print(out);
            out.println(m.get("cli.cases.count", rows.size()));
        }
    }
}
