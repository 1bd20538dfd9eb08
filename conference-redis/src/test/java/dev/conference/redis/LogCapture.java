package dev.conference.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records, while open, every log line down to DEBUG and everything written to System.out and
 * System.err. This module has no SLF4J provider on its test class path, so Lettuce and Netty log
 * through java.util.logging (Netty picks it when SLF4J has no provider), as does the core's
 * {@code System.Logger}: a handler on the root logger sees them all. DEBUG is JUL's FINE; TRACE
 * (FINER, FINEST) stays off, as in any production setup.
 */
final class LogCapture implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.FINE);
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** Every captured line: each log record with its logger, level, message, parameters and exception, then the console. */
    String text() {
        StringBuilder out = new StringBuilder();
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : records) {
            out.append(formatter.format(record));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    out.append(" | ").append(parameter);
                }
            }
            out.append('\n');
        }
        synchronized (console) {
            out.append(console.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** How many records came from loggers under {@code prefix}: proof that their lines are being seen. */
    long recordsFrom(String prefix) {
        return records.stream()
                .filter(record ->
                        record.getLoggerName() != null && record.getLoggerName().startsWith(prefix))
                .count();
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.setLevel(rootLevel);
        root.removeHandler(handler);
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            original.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
