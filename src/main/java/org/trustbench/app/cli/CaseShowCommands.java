package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Uscc;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.verify.FindingRepository;
import org.trustbench.verify.ThreeChecks;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cases show} and {@code cases check}: a case with its findings, and re-running the rules. */
final class CaseShowCommands {

    private CaseShowCommands() {
    }

    static long caseId(AppServices services, String caseNo) {
        return services.caseQueueRepository().findIdByCaseNo(caseNo.strip())
                .orElseThrow(() -> new UserException(UserMessage.of("cli.cases.unknown", caseNo)));
    }

    @Command(name = "show", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {

        @ParentCommand
        CasesCommand cases;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "param.case")
        String caseNo;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        CasesCommand.Format format;

        @Override
        public Integer call() throws Exception {
            TrustBenchCommand root = cases.root;
            try (AppServices services = root.open()) {
                long id = caseId(services, caseNo);
                FilingCase c = services.caseQueueRepository().findCase(id).orElseThrow();
                FindingRepository.LastCheck last = services.findingRepository().lastCheck(id);
                List<Finding> findings = last.findings();
                FindingRepository.CheckStamp stamp = last.stamp().orElse(null);
                PrintWriter out = spec.commandLine().getOut();
                Messages m = root.messages();
                if (format == CasesCommand.Format.json) {
                    out.println(json(c, findings, stamp, m, LocalDate.now(root.clock())));
                } else {
                    print(out, c, findings, stamp, m, LocalDate.now(root.clock()));
                }
                out.flush();
            }
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "check", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {

        @ParentCommand
        CasesCommand cases;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--all", descriptionKey = "option.all", required = true)
            boolean all;

            @Parameters(index = "0", paramLabel = "CASE", descriptionKey = "param.case")
            String caseNo;
        }

        @Override
        public Integer call() {
            TrustBenchCommand root = cases.root;
            Messages m = root.messages();
            PrintWriter out = spec.commandLine().getOut();
            try (AppServices services = root.open()) {
                if (target.all) {
                    long n = services.checks().checkAll(root.actor(), (done, total) -> { }, () -> false);
                    out.println(m.get("cli.check.all", n));
                } else {
                    long id = caseId(services, target.caseNo);
                    List<Finding> findings = services.checks().checkCase(id);
                    out.println(m.get("cli.check.one", target.caseNo, findings.size()));
                    findings.forEach(f -> out.println(line(f, m)));
                }
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    static String line(Finding f, Messages m) {
        return "  [" + m.of("severity", f.severity()) + "] " + f.ruleId() + "  " + m.getWithKeyArgs(f.messageKey(), f.args());
    }

    private static void print(PrintWriter out, FilingCase c, List<Finding> findings, FindingRepository.CheckStamp stamp,
                              Messages m, LocalDate today) {
        out.println(c.caseNo() + "  " + c.provider().nameZh() + (c.provider().nameEn() == null ? "" : " / " + c.provider().nameEn()));
        out.println("  " + m.get("column.uscc") + ": " + c.provider().uscc() + " (" + m.of("uscc", Uscc.validate(c.provider().uscc())) + ")");
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, c.deadlineOn());
        out.println("  " + m.get("column.status") + ": " + m.of("status", c.status()) + " · " + m.get("detail.deadline") + ": "
                + c.deadlineOn() + " (" + (days < 0 ? m.get("queue.daysLeft.overdue", -days) : m.get("queue.daysLeft.left", days)) + ")");
        Map<ThreeChecks.Check, ThreeChecks.Light> lights = ThreeChecks.lights(findings);
        StringBuilder checks = new StringBuilder("  ");
        for (ThreeChecks.Check check : List.of(ThreeChecks.Check.REAL_PERSON, ThreeChecks.Check.CREDENTIALS, ThreeChecks.Check.PREMISES)) {
            checks.append(m.of("check", check)).append(": ").append(m.of("light", lights.get(check))).append("   ");
        }
        out.println(checks.toString().stripTrailing());
        if (stamp == null) {
            out.println("  " + m.get("findings.unchecked"));
            return;
        }
        out.println("  " + m.get("cli.show.findings", findings.size(), stamp.engineVersion(), stamp.computedAt()));
        findings.forEach(f -> out.println(line(f, m)));
    }

    private static String json(FilingCase c, List<Finding> findings, FindingRepository.CheckStamp stamp, Messages m,
                               LocalDate today) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("caseNo", c.caseNo());
        o.put("status", c.status().name());
        o.put("receivedOn", c.receivedOn().toString());
        o.put("deadlineOn", c.deadlineOn().toString());
        o.put("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(today, c.deadlineOn()));
        ObjectNode p = o.putObject("provider");
        p.put("uscc", c.provider().uscc());
        p.put("usccCheck", Uscc.validate(c.provider().uscc()).name());
        p.put("nameZh", c.provider().nameZh());
        p.put("nameEn", c.provider().nameEn());
        p.put("registryStatus", c.provider().registryStatus().name());
        ArrayNode services = o.putArray("services");
        c.services().forEach(s -> services.add(s.name()));
        ObjectNode checks = o.putObject("checks");
        ThreeChecks.lights(findings).forEach((k, v) -> checks.put(k.name(), v.name()));
        if (stamp != null) {
            o.put("engineVersion", stamp.engineVersion());
            o.put("computedAt", stamp.computedAt().toString());
        }
        ArrayNode list = o.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = list.addObject();
            n.put("ruleId", f.ruleId());
            n.put("severity", f.severity().name());
            n.put("message", m.getWithKeyArgs(f.messageKey(), f.args()));
            n.put("messageKey", f.messageKey());
            ArrayNode args = n.putArray("args");
            f.args().forEach(args::add);
            ArrayNode refs = n.putArray("evidence");
            for (EvidenceRef r : f.refs()) {
                ObjectNode rn = refs.addObject();
                rn.put("evidenceId", r.evidenceId());
                rn.put("field", r.field());
            }
        }
        return mapper.writeValueAsString(o);
    }
}
