package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The logging set up in code writes what the former logback.xml (kept as the test resource logback-reference.xml, read
 * here by logback's own XML configurator) wrote: same file, same lines, same levels, same rolling policy.
 */
class LogConfiguratorTest {

    @TempDir
    Path tmp;

    @Test
    void writesWhatTheReferenceXmlWrote() throws Exception {
        Path xmlDir = tmp.resolve("xml");
        Path codeDir = tmp.resolve("code");
        LoggerContext xml = new LoggerContext();
        xml.setMDCAdapter(new LogbackMDCAdapter());
        xml.putProperty(TrustBenchApp.LOG_DIR_PROPERTY, xmlDir.toString());
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(xml);
        joran.doConfigure(LogConfiguratorTest.class.getResource("logback-reference.xml"));
        LoggerContext code = new LoggerContext();
        code.setMDCAdapter(new LogbackMDCAdapter());
        LogConfigurator.configure(code, codeDir);
        assertTrue(new StatusUtil(code).getHighestLevel(0) < Status.WARN, "logback reported a warning or an error");

        for (LoggerContext context : List.of(xml, code)) {
            context.getLogger("org.trustbench.caseq.CaseQueueViewModel").info("shown {} 中文", 200);
            context.getLogger("org.trustbench.caseq.CaseQueueViewModel").debug("not written");
            context.getLogger("org.flywaydb.core.Flyway").info("not written");
            context.getLogger("org.flywaydb.core.Flyway").warn("written");
            context.getLogger("org.jooq.impl.DSL").info("not written");
            context.getLogger(Logger.ROOT_LOGGER_NAME).error("failed", new IllegalStateException("boom"));
        }
        RollingFileAppender<ILoggingEvent> xmlFile = fileAppender(xml);
        RollingFileAppender<ILoggingEvent> codeFile = fileAppender(code);
        assertTrue(new StatusUtil(code).getHighestLevel(0) < Status.WARN, "logback reported a warning or an error");
        xml.stop();
        code.stop();

        List<String> expected = withoutTimes(xmlDir.resolve("trustbench.log"));
        List<String> actual = withoutTimes(codeDir.resolve("trustbench.log"));
        assertEquals(expected, actual);
        assertTrue(actual.get(0).endsWith(" INFO  [main] o.t.caseq.CaseQueueViewModel - shown 200 中文"), actual.get(0));
        assertTrue(actual.stream().noneMatch(l -> l.contains("not written")), actual.toString());
        assertTrue(actual.stream().anyMatch(l -> l.contains("java.lang.IllegalStateException: boom")), actual.toString());
        assertTrue(Files.readString(codeDir.resolve("trustbench.log"), StandardCharsets.UTF_8)
                .matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO .*"));

        SizeAndTimeBasedRollingPolicy<?> xmlPolicy = assertInstanceOf(SizeAndTimeBasedRollingPolicy.class, xmlFile.getRollingPolicy());
        SizeAndTimeBasedRollingPolicy<?> codePolicy = assertInstanceOf(SizeAndTimeBasedRollingPolicy.class, codeFile.getRollingPolicy());
        assertEquals(xmlPolicy.getFileNamePattern().replace(xmlDir.toString(), "DIR"),
                codePolicy.getFileNamePattern().replace(codeDir.toString(), "DIR"));
        assertEquals(xmlFile.getFile().replace(xmlDir.toString(), "DIR"), codeFile.getFile().replace(codeDir.toString(), "DIR"));
        assertEquals(30, codePolicy.getMaxHistory());
        assertEquals(xmlPolicy.getMaxHistory(), codePolicy.getMaxHistory());
        for (String field : List.of("maxFileSize", "totalSizeCap")) {
            assertEquals(String.valueOf(field(xmlPolicy, field)), String.valueOf(field(codePolicy, field)), field);
        }
        assertEquals(String.valueOf(10L * 1024 * 1024), String.valueOf(sizeOf(field(codePolicy, "maxFileSize"))));
        assertEquals(String.valueOf(200L * 1024 * 1024), String.valueOf(sizeOf(field(codePolicy, "totalSizeCap"))));
    }

    @Test
    void isFoundAsAServiceAndLeavesTheTestsXmlToLogback() {
        List<Configurator> found = ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::get)
                .filter(LogConfigurator.class::isInstance).collect(Collectors.toList());
        assertEquals(1, found.size());
        // logback-test.xml is on the tests' class path: the tests log to the console as before.
        LogConfigurator configurator = new LogConfigurator();
        LoggerContext context = new LoggerContext();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
        assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    }

    @Test
    void logsToTheFolderTheLauncherSets() {
        String before = System.getProperty(TrustBenchApp.LOG_DIR_PROPERTY);
        try {
            System.setProperty(TrustBenchApp.LOG_DIR_PROPERTY, tmp.resolve("logs").toString());
            assertEquals(tmp.resolve("logs"), LogConfigurator.logDir());
            System.clearProperty(TrustBenchApp.LOG_DIR_PROPERTY);
            if (System.getenv(TrustBenchApp.LOG_DIR_PROPERTY) == null) {
                assertEquals(Path.of(System.getProperty("user.home"), ".trustbench", "logs"), LogConfigurator.logDir());
            }
        } finally {
            if (before == null) {
                System.clearProperty(TrustBenchApp.LOG_DIR_PROPERTY);
            } else {
                System.setProperty(TrustBenchApp.LOG_DIR_PROPERTY, before);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context) {
        return (RollingFileAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
    }

    private static List<String> withoutTimes(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} .*") ? l.substring(23) : l)
                .collect(Collectors.toList());
    }

    private static Object field(Object policy, String name) throws ReflectiveOperationException {
        for (Class<?> c = policy.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(policy);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static long sizeOf(Object fileSize) {
        return ((ch.qos.logback.core.util.FileSize) fileSize).getSize();
    }
}
