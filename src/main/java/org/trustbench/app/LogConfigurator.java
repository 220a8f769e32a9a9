package org.trustbench.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * The application's logging, set up in code (found by logback as a service): logs go to the data folder's logs/ (set by
 * the launcher in {@value TrustBenchApp#LOG_DIR_PROPERTY}), never to the console, so the CLI's output stays clean and
 * the GUI shows errors in dialogs. Daily files of at most 10 MB, kept 30 days and 200 MB in all.
 * <p>
 * In code rather than a logback.xml: logback's XML configurator loads about 570 classes, reflectively, on every start.
 * A {@code logback.configurationFile} property or a {@code logback-test.xml} on the class path (the tests') still
 * takes precedence: this configurator then leaves the configuration to logback's own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, logDir());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@value TrustBenchApp#LOG_DIR_PROPERTY} (a system property, else an environment variable), else ~/.trustbench/logs. */
    static Path logDir() {
        String dir = System.getProperty(TrustBenchApp.LOG_DIR_PROPERTY);
        if (dir == null) {
            dir = System.getenv(TrustBenchApp.LOG_DIR_PROPERTY);
        }
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".trustbench", "logs");
    }

    /** Sets up {@code context}: one rolling file in {@code dir}; INFO, Flyway and jOOQ at WARN. */
    static void configure(LoggerContext context, Path dir) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("trustbench.log").toString());
        file.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir.resolve("trustbench.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.start();

        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.jooq").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }
}
