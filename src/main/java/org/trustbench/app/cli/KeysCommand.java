package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trustbench.app.AppServices;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.sync.keys.TrustedSigner;
import org.trustbench.sync.keys.WorkstationKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code keys show | trust PEMFILE --role central|workstation [--name N] | list [--format table|json]}: this store's
 * workstation key and the signers it trusts (docs/workstation-keys.md).
 */
@Command(name = "keys", resourceBundle = "i18n.cli",
        subcommands = {KeysCommand.Show.class, KeysCommand.Trust.class, KeysCommand.ListKeys.class})
public final class KeysCommand {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    TrustBenchCommand root;

    /** {@code keys show}: the public key as PEM, then its fingerprint and the workstation ID. */
    @Command(name = "show", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TrustBenchCommand root = keys.root;
            WorkstationKeys own;
            try (AppServices services = root.open()) {
                own = services.workstationKeys();
            }
            Messages m = root.messages();
            PrintWriter out = spec.commandLine().getOut();
            // PEM first: the output can be saved as a file and trusted elsewhere (text after the block is ignored).
            out.print(own.publicKeyPem());
            out.println(m.get("cli.keys.fingerprint", own.fingerprint()));
            out.println(m.get("cli.keys.workstationId", own.workstationId()));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code keys trust PEMFILE --role central|workstation [--name N]}. */
    @Command(name = "trust", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Trust implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PEMFILE", descriptionKey = "param.keys.pemFile")
        Path pemFile;

        @Option(names = "--role", paramLabel = "central|workstation", required = true, descriptionKey = "option.keys.role")
        SignerRole role;

        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "option.keys.name")
        String name;

        @Override
        public Integer call() {
            TrustBenchCommand root = keys.root;
            TrustedSigner added;
            try (AppServices services = root.open()) {
                added = services.trust().trust(root.actor(), pemFile, role, name);
            }
            Messages m = root.messages();
            PrintWriter out = spec.commandLine().getOut();
            out.println(m.get("cli.keys.trusted", m.of("keys.role", added.role()), added.keyId(), added.name()));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code keys list [--format table|json]}. */
    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListKeys implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        CasesCommand.Format format;

        @Override
        public Integer call() throws Exception {
            TrustBenchCommand root = keys.root;
            List<TrustedSigner> list;
            try (AppServices services = root.open()) {
                list = services.trustedSigners().list();
            }
            Messages m = root.messages();
            PrintWriter out = spec.commandLine().getOut();
            if (format == CasesCommand.Format.json) {
                out.println(json(list));
            } else {
                ZoneId zone = root.clock().getZone();
                TextTable table = new TextTable(m.get("keys.column.keyId"), m.get("keys.column.role"),
                        m.get("keys.column.name"), m.get("keys.column.addedAt"), m.get("keys.column.addedBy"));
                for (TrustedSigner s : list) {
                    table.row(s.keyId(), m.of("keys.role", s.role()), s.name(),
                            AT.format(s.addedAt().atZoneSameInstant(zone)), s.addedBy());
                }
                table.print(out);
                out.println(m.get("cli.keys.count", list.size()));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static String json(List<TrustedSigner> list) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (TrustedSigner s : list) {
                ObjectNode o = array.addObject();
                o.put("keyId", s.keyId());
                o.put("role", s.role().name());
                o.put("name", s.name());
                o.put("addedAt", s.addedAt().toInstant().toString());
                o.put("addedBy", s.addedBy());
                o.put("publicKeyPem", s.publicKeyPem());
            }
            return mapper.writeValueAsString(array);
        }
    }
}
