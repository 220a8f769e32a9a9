package org.trustbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trustbench.app.AppServices;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.users.Role;
import org.trustbench.users.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code users …}: local accounts from the command line.
 *
 * <p>Authorisation: {@code users add} without {@code --as} only creates the first administrator of
 * a store that has no accounts. Every other change names an administrator with
 * {@code --as ADMIN_USERNAME}, who signs in with their password (failures count towards the lock
 * like in the workbench). Passwords come from the console (asked without echo; a new password
 * twice) or, with {@code --password-stdin}, one per line from standard input: the administrator's
 * password first, then the new user's.
 */
@Command(name = "users", resourceBundle = "i18n.cli",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Lock.class, UsersCommand.Unlock.class})
public final class UsersCommand {

    @ParentCommand
    TrustBenchCommand root;

    @Command(name = "add", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {

        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "param.users.username")
        String username;

        @Option(names = "--name", paramLabel = "NAME", required = true, descriptionKey = "option.users.name")
        String displayName;

        @Option(names = "--officer-id", paramLabel = "ID", required = true, descriptionKey = "option.users.officerId")
        String officerId;

        @Option(names = "--role", paramLabel = "ROLE", split = ",", required = true, descriptionKey = "option.users.role")
        Set<Role> roles;

        @Option(names = "--as", paramLabel = "ADMIN", descriptionKey = "option.users.as")
        String as;

        @Option(names = "--password-stdin", descriptionKey = "option.users.passwordStdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            TrustBenchCommand root = parent.root;
            Messages m = root.messages();
            Passwords passwords = new Passwords(passwordStdin, m);
            User added;
            try (AppServices services = root.open()) {
                User actor = null;
                if (as != null) {
                    actor = services.auth().signIn(as, passwords.existing(as));
                } else if (services.users().hasUsers()) {
                    throw new UserException(UserMessage.of("cli.users.error.needAs"));
                }
                added = services.users().addUser(actor, username, displayName, officerId, roles,
                        passwords.newPassword(username));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(m.get("cli.users.added", added.username(), added.displayName(), rolesText(added, m)));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {

        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", paramLabel = "table|json", descriptionKey = "option.format", defaultValue = "table")
        CasesCommand.Format format;

        @Override
        public Integer call() throws Exception {
            TrustBenchCommand root = parent.root;
            List<User> users;
            try (AppServices services = root.open()) {
                users = services.users().list();
            }
            Instant now = root.clock().instant();
            PrintWriter out = spec.commandLine().getOut();
            Messages m = root.messages();
            if (format == CasesCommand.Format.json) {
                out.println(json(users, now));
            } else {
                TextTable table = new TextTable(m.get("users.column.username"), m.get("users.column.displayName"),
                        m.get("users.column.officerId"), m.get("users.column.roles"), m.get("users.column.status"));
                for (User u : users) {
                    table.row(u.username(), u.displayName(), u.officerId(), rolesText(u, m), statusText(u, now, root, m));
                }
                table.print(out);
                out.println(m.get("cli.users.count", users.size()));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static String json(List<User> users, Instant now) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (User u : users) {
                ObjectNode o = array.addObject();
                o.put("username", u.username());
                o.put("displayName", u.displayName());
                o.put("officerId", u.officerId());
                ArrayNode roles = o.putArray("roles");
                u.sortedRoles().forEach(r -> roles.add(r.name()));
                o.put("disabled", u.disabled());
                o.put("locked", u.isLockedAt(now));
                o.put("lockedUntil", u.lockedUntil() == null ? null : u.lockedUntil().toString());
                o.put("failedAttempts", u.failedAttempts());
            }
            return mapper.writeValueAsString(array);
        }
    }

    @Command(name = "lock", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Lock implements Callable<Integer> {

        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "param.users.username")
        String username;

        @Option(names = "--as", paramLabel = "ADMIN", required = true, descriptionKey = "option.users.as")
        String as;

        @Option(names = "--password-stdin", descriptionKey = "option.users.passwordStdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return change(parent.root, spec, as, passwordStdin, (services, admin) -> services.users().lock(admin, username),
                    "cli.users.locked");
        }
    }

    @Command(name = "unlock", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Unlock implements Callable<Integer> {

        @ParentCommand
        UsersCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USERNAME", descriptionKey = "param.users.username")
        String username;

        @Option(names = "--as", paramLabel = "ADMIN", required = true, descriptionKey = "option.users.as")
        String as;

        @Option(names = "--password-stdin", descriptionKey = "option.users.passwordStdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return change(parent.root, spec, as, passwordStdin, (services, admin) -> services.users().unlock(admin, username),
                    "cli.users.unlocked");
        }
    }

    /** A change made by an administrator who signs in first. */
    private static int change(TrustBenchCommand root, CommandLine.Model.CommandSpec spec, String as, boolean passwordStdin,
                              java.util.function.BiFunction<AppServices, User, User> action, String doneKey) {
        Messages m = root.messages();
        Passwords passwords = new Passwords(passwordStdin, m);
        User changed;
        try (AppServices services = root.open()) {
            User admin = services.auth().signIn(as, passwords.existing(as));
            changed = action.apply(services, admin);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(m.get(doneKey, changed.username()));
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    static String rolesText(User u, Messages m) {
        return u.sortedRoles().stream().map(r -> m.of("role", r)).collect(Collectors.joining(m.get("list.separator")));
    }

    private static String statusText(User u, Instant now, TrustBenchCommand root, Messages m) {
        if (u.disabled()) {
            return m.get("users.status.disabled");
        }
        if (u.isLockedAt(now)) {
            return m.get("users.status.lockedUntil",
                    u.lockedUntil().atZoneSameInstant(root.clock().getZone()).toLocalDateTime().withNano(0).toString().replace('T', ' '));
        }
        return m.get("users.status.active");
    }

    /**
     * Where passwords come from: one line each from standard input with {@code --password-stdin},
     * else the console without echo. Without either the command is refused.
     */
    static final class Passwords {
        private final boolean fromStdin;
        private final Messages messages;
        private Reader stdin;

        Passwords(boolean fromStdin, Messages messages) {
            this.fromStdin = fromStdin;
            this.messages = messages;
        }

        /** The password of an existing account (an administrator signing in). */
        char[] existing(String username) {
            if (fromStdin) {
                return line();
            }
            return console().readPassword("%s", messages.get("cli.users.prompt.existing", username.strip()));
        }

        /** A new account's password: asked twice on the console, once from standard input. */
        char[] newPassword(String username) {
            if (fromStdin) {
                return line();
            }
            Console console = console();
            char[] first = console.readPassword("%s", messages.get("cli.users.prompt.new", username.strip()));
            char[] second = console.readPassword("%s", messages.get("cli.users.prompt.again"));
            try {
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    if (first != null) {
                        Arrays.fill(first, '\0');
                    }
                    throw new UserException(UserMessage.of("users.error.passwordMismatch"));
                }
                return first;
            } finally {
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }

        private static Console console() {
            Console console = System.console();
            if (console == null) {
                throw new UserException(UserMessage.of("cli.users.error.noConsole"));
            }
            return console;
        }

        /** One line of standard input without its line end, never as a String. */
        private char[] line() {
            if (stdin == null) {
                stdin = new InputStreamReader(System.in, StandardCharsets.UTF_8);
            }
            char[] buffer = new char[64];
            int length = 0;
            try {
                int c;
                boolean any = false;
                while ((c = stdin.read()) != -1) {
                    any = true;
                    if (c == '\n') {
                        break;
                    }
                    if (length == buffer.length) {
                        char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                        Arrays.fill(buffer, '\0');
                        buffer = bigger;
                    }
                    buffer[length++] = (char) c;
                }
                if (!any) {
                    throw new UserException(UserMessage.of("cli.users.error.stdinEmpty"));
                }
            } catch (IOException e) {
                throw new UserException(UserMessage.of("cli.users.error.stdinEmpty"), e);
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            char[] password = Arrays.copyOf(buffer, length);
            Arrays.fill(buffer, '\0');
            return password;
        }
    }
}
