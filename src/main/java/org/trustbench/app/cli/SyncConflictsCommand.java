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
import org.trustbench.sync.conflict.Conflict;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.Resolution;
import org.trustbench.users.User;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The {@code sync conflicts} and {@code sync resolve} commands. */
final class SyncConflictsCommand {

    /** {@code text} and {@code table} are the same listing. */
    enum ListFormat { text, table, json }

    private SyncConflictsCommand() {
    }

    @Command(name = "conflicts", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Conflicts implements Callable<Integer> {

        @ParentCommand
        SyncCommand sync;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--all", descriptionKey = "option.conflicts.all")
        boolean all;

        @Option(names = "--format", paramLabel = "text|json", descriptionKey = "option.conflicts.format", defaultValue = "text")
        ListFormat format;

        @Override
        public Integer call() throws Exception {
            List<Conflict> conflicts;
            try (AppServices services = sync.root.open()) {
                conflicts = all ? services.conflicts().all() : services.conflicts().open();
            }
            PrintWriter out = spec.commandLine().getOut();
            Messages m = sync.root.messages();
            if (format == ListFormat.json) {
                out.println(json(conflicts));
            } else {
                for (Conflict c : conflicts) {
                    out.println(m.get("cli.conflicts.head", c.id(), m.get("conflict.kind." + c.kind().name()),
                            c.caseNo() == null ? "-" : c.caseNo(), c.providerUscc() == null ? "-" : c.providerUscc(),
                            m.get("conflict.status." + c.status().name()), c.detectedAt().toString(), c.packageId()));
                    TextTable table = new TextTable(m.get("cli.conflicts.field"), m.get("cli.conflicts.local"),
                            m.get("cli.conflicts.incoming"), m.get("cli.conflicts.differs"));
                    for (ConflictField f : c.fields()) {
                        table.row(f.name(), oneLine(f.local()), oneLine(f.incoming()), f.differs() ? "*" : "");
                    }
                    table.print(out);
                    if (!c.isOpen()) {
                        out.println(m.get("cli.conflicts.resolved", c.resolvedBy(), String.valueOf(c.resolvedAt()), c.note()));
                    }
                    out.println();
                }
                out.println(m.get(all ? "cli.conflicts.countAll" : "cli.conflicts.count", conflicts.size()));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static String oneLine(String s) {
            if (s == null) {
                return "";
            }
            String flat = s.replace('\n', ' ');
            return flat.length() > 60 ? flat.substring(0, 59) + "…" : flat;
        }

        static String json(List<Conflict> conflicts) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (Conflict c : conflicts) {
                ObjectNode o = array.addObject();
                o.put("id", c.id());
                o.put("packageId", c.packageId());
                o.put("kind", c.kind().name());
                o.put("caseNo", c.caseNo());
                o.put("providerUscc", c.providerUscc());
                o.put("status", c.status().name());
                o.put("detectedAt", c.detectedAt().toString());
                ArrayNode fields = o.putArray("fields");
                for (ConflictField f : c.fields()) {
                    ObjectNode n = fields.addObject();
                    n.put("name", f.name());
                    n.put("local", f.local());
                    n.put("incoming", f.incoming());
                    n.put("differs", f.differs());
                }
                o.put("resolvedBy", c.resolvedBy());
                o.put("resolvedAt", c.resolvedAt() == null ? null : c.resolvedAt().toString());
                o.put("note", c.note());
            }
            return mapper.writeValueAsString(array);
        }
    }

    @Command(name = "resolve", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Resolve implements Callable<Integer> {

        @ParentCommand
        SyncCommand sync;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.conflictId")
        long id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        @Option(names = "--note", paramLabel = "TEXT", required = true, descriptionKey = "option.conflicts.note")
        String note;

        @Option(names = "--user", paramLabel = "NAME", descriptionKey = "option.conflicts.user")
        String user;

        @Option(names = "--password-stdin", descriptionKey = "option.users.passwordStdin")
        boolean passwordStdin;

        static final class Choice {
            @Option(names = "--keep-local", required = true, descriptionKey = "option.conflicts.keepLocal")
            boolean keepLocal;

            @Option(names = "--apply-incoming", required = true, descriptionKey = "option.conflicts.applyIncoming")
            boolean applyIncoming;
        }

        @Override
        public Integer call() {
            TrustBenchCommand root = sync.root;
            Messages m = root.messages();
            Resolution resolution = choice.applyIncoming ? Resolution.APPLY_INCOMING : Resolution.KEEP_LOCAL;
            Conflict done;
            try (AppServices services = root.open()) {
                String actor = root.actor();
                if (user != null) {
                    // As for users add --as: the named account signs in, so the audit names a real officer.
                    User signedIn = services.auth().signIn(user, new UsersCommand.Passwords(passwordStdin, m).existing(user));
                    actor = signedIn.username();
                }
                done = services.conflicts().resolve(id, resolution, note, actor);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(m.get("cli.conflicts.done", done.id(), m.get("conflict.status." + done.status().name()),
                    done.caseNo() == null ? done.providerUscc() : done.caseNo(), done.resolvedBy()));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
