package dev.camelspark.routes;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The progress bar on the terminal's last line, redrawn every {@code spark.batch.progress-bar-period} ms while jobs
 * are under way. The log goes on above it: {@code System.out} is wrapped so that a log line first clears the bar, which
 * is drawn again after it (log4j's console appender follows {@code System.out}). Only on a terminal: a log written to
 * a file or a pipe gets {@link ProgressBar#line plain progress lines} instead.
 */
final class TerminalProgress extends ServiceSupport {

    private final CamelContext context;
    private final BatchProgress progress;
    private final long period;
    private final int columns;
    private PrintStream original;
    private BarOutput output;
    private ScheduledExecutorService timer;

    TerminalProgress(CamelContext context, BatchProgress progress, long period) {
        this.context = context;
        this.progress = progress;
        this.period = period;
        this.columns = columns();
    }

    /** True when both the input and the output are a terminal (JDK 22 and later say so with Console.isTerminal). */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 there is a console only on a terminal
        }
    }

    @Override
    protected void doStart() {
        original = System.out;
        output = new BarOutput(original);
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        progress.logPlainLines(false);
        timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "camel-spark-progress-bar");
        timer.scheduleWithFixedDelay(this::redraw, period, period, TimeUnit.MILLISECONDS);
    }

    private void redraw() {
        BatchStatus status = progress.snapshot();
        if (ProgressBar.active(status)) {
            output.show(ProgressBar.bar(status, columns));
        } else {
            output.hide();
        }
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            context.getExecutorServiceManager().shutdownNow(timer);
        }
        if (output != null) {
            output.hide();
            System.setOut(original);
        }
        progress.logPlainLines(true);
    }

    /** The terminal's width, when the shell exports it; 100 otherwise. */
    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Writes to the terminal with the bar kept on the last line: cleared before any other output, drawn after it. */
    static final class BarOutput extends OutputStream {

        /** Carriage return, then erase to the end of the line. */
        static final String CLEAR = "\r\u001b[K";
        private final OutputStream terminal;
        private String bar;
        private boolean shown;

        BarOutput(OutputStream terminal) {
            this.terminal = terminal;
        }

        synchronized void show(String text) {
            bar = text;
            draw(CLEAR + text);
            shown = true;
        }

        synchronized void hide() {
            bar = null;
            if (shown) {
                draw(CLEAR);
                shown = false;
            }
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (shown) {
                terminal.write(CLEAR.getBytes(StandardCharsets.US_ASCII));
                shown = false;
            }
            terminal.write(bytes, offset, length);
            // once a whole line is out, the bar goes back under it
            if (bar != null && length > 0 && bytes[offset + length - 1] == '\n') {
                terminal.write(bar.getBytes(StandardCharsets.UTF_8));
                shown = true;
            }
            terminal.flush();
        }

        @Override
        public synchronized void flush() throws IOException {
            terminal.flush();
        }

        private void draw(String text) {
            try {
                terminal.write(text.getBytes(StandardCharsets.UTF_8));
                terminal.flush();
            } catch (IOException e) {
                // the terminal is gone: nothing to draw on
            }
        }
    }
}
