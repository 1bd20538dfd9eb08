package dev.conference.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conference.local.StoreLocation;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;

/**
 * Runs the CLI in-process as a user would type it, with captured streams, times shown in UTC and a
 * home directory the test owns; or starts it on a thread of its own, for the commands that run until
 * Ctrl-C, which the test then presses.
 */
final class CliRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> variables = new HashMap<>();
    private final Path home;
    private String input = "";
    private ShellTerminal terminal = ShellTerminal.NONE;
    private Clock clock = Clock.systemUTC();

    private CliRun(Path home) {
        this.home = home;
    }

    /** A run whose home (and so default data directory) is {@code home}. */
    static CliRun in(Path home) {
        return new CliRun(home);
    }

    CliRun redisUrl(String uri) {
        variables.put(StoreLocation.REDIS_URL, uri);
        return this;
    }

    CliRun input(String lines) {
        input = lines;
        return this;
    }

    /**
     * Types {@code keys} on a terminal (an xterm of 120 columns, escape sequences and all) instead of
     * piping lines; what the terminal shows (prompts, echo, completions) goes to {@code screen}.
     */
    CliRun typing(String keys, OutputStream screen) {
        terminal = () -> Optional.of(TerminalBuilder.builder()
                .system(false)
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen)
                .type("xterm-256color")
                .size(new Size(120, 40))
                .encoding(StandardCharsets.UTF_8)
                .build());
        return this;
    }

    /** The clock the CLI, and so its store and scheduler, take as now. */
    CliRun clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(environment(out, err, new PressedByTest())).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts the command line on a thread of its own; the test reads its output as it comes. */
    Running start(String... args) {
        LiveText out = new LiveText();
        LiveText err = new LiveText();
        PressedByTest ctrlC = new PressedByTest();
        CliEnvironment environment = environment(out, err, ctrlC);
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        code.complete(new Cli(environment).run(args));
                    } catch (Throwable e) {
                        code.completeExceptionally(e);
                    }
                },
                "cli-under-test");
        thread.setDaemon(true);
        thread.start();
        return new Running(code, out, err, ctrlC);
    }

    private CliEnvironment environment(Writer out, Writer err, Interrupts interrupts) {
        return new CliEnvironment(
                variables,
                home,
                clock,
                ZoneOffset.UTC,
                new StringReader(input),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                interrupts,
                terminal);
    }

    /** Ctrl-C as the test presses it: tells every registered command to stop. */
    static final class PressedByTest implements Interrupts {
        private final List<Runnable> stops = new CopyOnWriteArrayList<>();

        @Override
        public Registration onInterrupt(Runnable stop) {
            stops.add(stop);
            return () -> stops.remove(stop);
        }

        void press() {
            stops.forEach(Runnable::run);
        }
    }

    /** A command line running on its own thread. */
    record Running(CompletableFuture<Integer> code, LiveText out, LiveText err, PressedByTest ctrlC) {
        /** Presses Ctrl-C and waits for the run to end. */
        Result interrupt() throws Exception {
            ctrlC.press();
            return await();
        }

        /** Waits for the run to end by itself. */
        Result await() throws InterruptedException, ExecutionException {
            try {
                return new Result(code.get(20, TimeUnit.SECONDS), out.toString(), err.toString());
            } catch (TimeoutException e) {
                throw new AssertionError("the command did not end; so far:\n--- stdout\n" + out + "--- stderr\n" + err);
            }
        }
    }

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("stdout is not one JSON document:\n" + out, e);
            }
        }

        /** Each line of stdout as one JSON document (JSON Lines). */
        List<JsonNode> jsonLines() {
            return out.lines()
                    .map(line -> {
                        try {
                            return JSON.readTree(line);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new UncheckedIOException("a line of stdout is not one JSON document: " + line, e);
                        }
                    })
                    .toList();
        }

        /** For assertion messages: what the run printed. */
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
