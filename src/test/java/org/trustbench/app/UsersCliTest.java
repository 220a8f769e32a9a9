package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.Cli;
import org.trustbench.app.cli.UsersCommand;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import picocli.CommandLine;

/** {@code users add|list|lock|unlock} on a real store, with passwords on standard input. */
class UsersCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String ADMIN_PW = "first-admin-pw-1";
    private static final String OFFICER_PW = "officer-one-pw-1";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final InputStream originalIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private int run(String stdin, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cl = Cli.create(o -> { }, Messages.forLocale(Messages.ENGLISH), CLOCK,
                new PrintWriter(out, true), new PrintWriter(err, true));
        if (!cl.getSubcommands().containsKey("users")) {
            // Until TrustBenchCommand lists it; settings made before reach only the subcommands then known.
            cl.addSubcommand(new UsersCommand());
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        }
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = tmp.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void addListLockAndUnlockWithPasswordsOnStandardInput() throws Exception {
        assertEquals(0, run(ADMIN_PW + "\n", "users", "add", "admin", "--name", "王立新", "--officer-id", "SH-PD-0001",
                "--role", "administrator", "--password-stdin"), err.toString());
        assertTrue(out.toString().contains("Added user admin (王立新) with roles: Administrator."), out.toString());

        assertEquals(1, run(OFFICER_PW + "\n", "users", "add", "officer1", "--name", "李敏", "--officer-id", "SH-PD-0101",
                "--role", "DESK_OFFICER", "--password-stdin"), "only the first administrator comes without --as");
        assertTrue(err.toString().contains("--as"), err.toString());

        assertEquals(1, run("not-the-admin-pw\n" + OFFICER_PW + "\n", "users", "add", "officer1", "--name", "李敏",
                "--officer-id", "SH-PD-0101", "--role", "DESK_OFFICER", "--as", "admin", "--password-stdin"));
        assertTrue(err.toString().contains("Wrong user name or password."), err.toString());

        assertEquals(0, run(ADMIN_PW + "\n" + OFFICER_PW + "\r\n", "users", "add", "officer1", "--name", "李敏",
                "--officer-id", "SH-PD-0101", "--role", "DESK_OFFICER,SUPERVISOR", "--as", "admin", "--password-stdin"),
                err.toString());
        assertTrue(out.toString().contains("Desk officer, Supervisor"), out.toString());

        assertEquals(1, run(OFFICER_PW + "\nshort\n", "users", "add", "officer2", "--name", "O2", "--officer-id", "X",
                "--role", "DESK_OFFICER", "--as", "officer1", "--password-stdin"));
        assertTrue(err.toString().contains("officer1") && err.toString().contains("Administrator"), err.toString());

        assertEquals(0, run("", "users", "list", "--format", "json"), err.toString());
        JsonNode users = new ObjectMapper().readTree(out.toString());
        assertEquals(2, users.size());
        JsonNode officer = users.get(1);
        assertEquals("officer1", officer.get("username").asText());
        assertEquals("李敏", officer.get("displayName").asText());
        assertEquals("SH-PD-0101", officer.get("officerId").asText());
        assertEquals("[\"DESK_OFFICER\",\"SUPERVISOR\"]", officer.get("roles").toString());
        assertFalse(officer.get("disabled").asBoolean());

        assertEquals(0, run(ADMIN_PW + "\n", "users", "lock", "officer1", "--as", "admin", "--password-stdin"), err.toString());
        assertEquals("Locked user officer1.", out.toString().strip());
        assertEquals(0, run("", "users", "list"), err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("User name"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("officer1") && l.contains("Locked by an administrator")), table);
        assertTrue(table.strip().endsWith("2 users"), table);

        assertEquals(0, run(ADMIN_PW + "\n", "users", "unlock", "officer1", "--as", "admin", "--password-stdin"), err.toString());
        assertEquals(0, run("", "users", "list", "--format", "json"));
        assertFalse(new ObjectMapper().readTree(out.toString()).get(1).get("disabled").asBoolean());

        assertEquals(2, run("", "users", "lock", "officer1"), "--as is required");

        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            String log = store.dsl().fetch("SELECT * FROM audit_log").format(1000);
            for (String secret : new String[] {ADMIN_PW, OFFICER_PW, "not-the-admin-pw", "short"}) {
                assertFalse(log.contains(secret), secret + " in\n" + log);
            }
            String actions = String.join(",", store.dsl().fetch("SELECT action FROM audit_log ORDER BY seq")
                    .getValues(0, String.class));
            assertEquals("USER_ADDED,SIGN_IN_FAILED,SIGN_IN,USER_ADDED,SIGN_IN,SIGN_IN,USER_LOCKED,SIGN_IN,USER_UNLOCKED",
                    actions);
        }
    }

    @Test
    void withoutAConsoleAndWithoutPasswordStdinTheCommandIsRefused() {
        assertEquals(1, run("", "users", "add", "admin", "--name", "A", "--officer-id", "X", "--role", "ADMINISTRATOR"));
        assertTrue(err.toString().contains("--password-stdin"), err.toString());
        assertEquals(1, run("", "users", "add", "admin", "--name", "A", "--officer-id", "X", "--role", "ADMINISTRATOR",
                "--password-stdin"));
        assertTrue(err.toString().contains("Standard input ended"), err.toString());
        assertEquals(2, run("", "users", "add", "admin", "--name", "A", "--officer-id", "X", "--role", "NOPE",
                "--password-stdin"));
    }

    @Test
    void helpDescribesTheCommands() {
        assertEquals(0, run("", "users", "list", "--help"));
        assertTrue(out.toString().contains("List user accounts"), out.toString());
        assertEquals(0, run("", "users", "add", "--help"));
        assertTrue(out.toString().contains("--password-stdin") && out.toString().contains("DESK_OFFICER"), out.toString());
        assertTrue(out.toString().contains("Add a user account"), out.toString());
        assertEquals(0, run("", "--help"));
        assertTrue(out.toString().lines().anyMatch(l -> l.strip().startsWith("users") && l.contains("Local user accounts")),
                out.toString());
    }
}
