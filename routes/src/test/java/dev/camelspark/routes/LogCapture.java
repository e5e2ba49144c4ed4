package dev.camelspark.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** What the application logs while a test runs (at the levels the test log configuration lets through). */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<LogEvent> events = new CopyOnWriteArrayList<>();

    private LogCapture() {
        super("test-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        events.add(event.toImmutable());
    }

    /** Each event at ERROR, as {@code logger: message}, with its exception if any. */
    List<String> errors() {
        return events.stream().filter(e -> e.getLevel().isMoreSpecificThan(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getMessage().getFormattedMessage()
                          + (e.getThrown() == null ? "" : " [" + e.getThrown() + "]"))
                .toList();
    }

    /** The messages logged by the application's own logger. */
    List<String> batchLines() {
        return events.stream().filter(e -> e.getLoggerName().equals("camel-spark.batch"))
                .map(e -> e.getMessage().getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
