package vn.caitien.infra;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Logging of the standalone launcher process only. The library ships no logback.xml, which would
 * fight the services' own logging when this jar is on a test classpath; instead the main class
 * configures logback in code: our messages at INFO, the chatty Kafka and zonky internals only
 * from WARN on, on stderr so that stdout carries just the banner and the readiness line.
 */
final class ConsoleLogging {

    private ConsoleLogging() {
    }

    static void configure() {
        // An explicit -Dlogback.configurationFile wins, e.g. to debug the broker.
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        context.reset();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%logger{0}] %msg%n");
        // Vietnamese diacritics must survive a POSIX/C locale, where the JVM default is ASCII.
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        context.getLogger("vn.caitien").setLevel(Level.INFO);
        // Kafka 3.9 warns about closing an already closed client on every clean shutdown.
        context.getLogger("org.apache.kafka.clients.NetworkClient").setLevel(Level.ERROR);
        // ...and the controller logs its routine activation at WARN on every start.
        context.getLogger("org.apache.kafka.controller.QuorumController").setLevel(Level.ERROR);
    }
}
