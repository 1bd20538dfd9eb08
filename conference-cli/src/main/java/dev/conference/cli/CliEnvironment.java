package dev.conference.cli;

import dev.conference.local.StoreLocation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CLI takes from the process around it, so a test can run it in-process with its own
 * values and never touch the real home directory, clock zone or terminal.
 *
 * @param variables the environment variables ({@code REDIS_URL}); not null
 * @param home      the user's home directory, under which the embedded store keeps its data; not null
 * @param clock     what "now" is for relative times and the demo data; must agree with the store's clock
 * @param zone      the zone human-readable times are shown in
 * @param in        where {@code shell} reads commands from
 * @param out       results
 * @param err       messages and errors
 * @param interrupts how {@code watch} and {@code scheduler} hear Ctrl-C
 * @param terminal  the terminal {@code shell} edits lines on, if {@code in} is one
 */
public record CliEnvironment(
        Map<String, String> variables,
        Path home,
        Clock clock,
        ZoneId zone,
        Reader in,
        PrintWriter out,
        PrintWriter err,
        Interrupts interrupts,
        ShellTerminal terminal) {
    /** How long Ctrl-C waits for a running {@code watch} or {@code scheduler} to stop before the process exits. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(terminal, "terminal");
    }

    /** The real process: its environment, home, clock, zone, standard streams and signals. */
    public static CliEnvironment system() {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        return new CliEnvironment(
                System.getenv(),
                home(System.getenv("HOME")),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                Interrupts.shutdownHook(STOP_GRACE),
                ShellTerminal.system());
    }

    /** The home the applications share: see {@link StoreLocation#userHome}. */
    static Path home(String homeVariable) {
        return StoreLocation.userHome(homeVariable);
    }
}
