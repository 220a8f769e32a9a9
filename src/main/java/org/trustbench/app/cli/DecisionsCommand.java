package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trustbench.app.AppServices;
import org.trustbench.decision.Decision;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code decisions list [--since T] [--format table|json]}: recorded filing decisions. */
@Command(name = "decisions", resourceBundle = "i18n.cli", subcommands = DecisionsCommand.ListDecisions.class)
public final class DecisionsCommand {

    @ParentCommand
    TrustBenchCommand root;

    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListDecisions implements Callable<Integer> {

        @ParentCommand
        DecisionsCommand decisions;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--since", paramLabel = "T", descriptionKey = "option.sinceTime")
        String since;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        CasesCommand.Format format;

        @Override
        public Integer call() throws Exception {
            TrustBenchCommand root = decisions.root;
            OffsetDateTime from = parse(since, root);
            List<Decision> list;
            try (AppServices services = root.open()) {
                list = services.decisions().since(from);
            }
            PrintWriter out = spec.commandLine().getOut();
            Messages m = root.messages();
            if (format == CasesCommand.Format.json) {
                out.println(json(list));
            } else {
                TextTable table = new TextTable(m.get("cli.decisions.id"), m.get("column.caseNo"), m.get("decision.outcome"),
                        m.get("decision.reasons"), m.get("cli.decisions.by"), m.get("cli.decisions.at"), m.get("cli.decisions.state"));
                for (Decision d : list) {
                    table.row(Long.toString(d.id()), d.caseNo(), m.of("outcome", d.outcome()),
                            d.reasons().stream().map(Enum::name).collect(Collectors.joining(",")), d.decidedBy(),
                            d.decidedAt().toString(), state(d, m));
                }
                table.print(out);
                out.println(m.get("cli.decisions.count", list.size()));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static String state(Decision d, Messages m) {
            if (d.signOff() != null) {
                return m.get("cli.decisions.signoff." + d.signOff().verdict().name(), d.signOff().signedBy());
            }
            return d.isOverride() ? m.get("cli.decisions.pending") : "—";
        }

        /** {@code YYYY-MM-DD} (start of that day in the local zone) or an ISO instant with offset. */
        private static OffsetDateTime parse(String text, TrustBenchCommand root) {
            if (text == null) {
                return OffsetDateTime.parse("1970-01-01T00:00:00Z");
            }
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(root.clock().getZone()).toOffsetDateTime();
                }
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new UserException(UserMessage.of("cli.decisions.badSince", text));
            }
        }

        private static String json(List<Decision> list) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (Decision d : list) {
                ObjectNode o = array.addObject();
                o.put("id", d.id());
                o.put("caseNo", d.caseNo());
                o.put("outcome", d.outcome().name());
                ArrayNode reasons = o.putArray("reasons");
                d.reasons().forEach(r -> reasons.add(r.name()));
                ArrayNode supplements = o.putArray("supplements");
                d.supplements().forEach(s -> supplements.add(s.name()));
                o.put("rationale", d.rationale());
                o.put("overrideJustification", d.overrideJustification());
                o.put("decidedBy", d.decidedBy());
                o.put("decidedAt", d.decidedAt().toString());
                if (d.supersedes() != null) {
                    o.put("supersedes", d.supersedes());
                }
                if (d.signOff() != null) {
                    ObjectNode s = o.putObject("signOff");
                    s.put("verdict", d.signOff().verdict().name());
                    s.put("by", d.signOff().signedBy());
                    s.put("at", d.signOff().signedAt().toString());
                    s.put("note", d.signOff().note());
                }
                o.set("findings", mapper.readTree(d.findingsSnapshot()));
                o.set("evidenceDigests", mapper.readTree(d.evidenceDigests()));
            }
            return mapper.writeValueAsString(array);
        }
    }
}
