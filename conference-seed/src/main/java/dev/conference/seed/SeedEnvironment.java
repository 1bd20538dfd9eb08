package dev.conference.seed;

import dev.conference.local.StoreLocation;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the seeder takes from the process around it, so a test can run it in-process with its own
 * values and never touch the real home directory, clock, zone or terminal.
 *
 * @param variables   the environment variables ({@code REDIS_URL}); not null
 * @param home        the user's home directory, under which the embedded Redis keeps its data; not null
 * @param clock       what "now" is: where generated instances are placed, which instances are active
 *                    when events are replayed; not null
 * @param zone        the zone local date-times are written and read in unless {@code --zone} says
 *                    otherwise; not null
 * @param interactive whether a person watches the error stream, so a progress bar helps
 * @param out         results; not null
 * @param err         problems, progress and errors; not null
 */
public record SeedEnvironment(
        Map<String, String> variables,
        Path home,
        Clock clock,
        ZoneId zone,
        boolean interactive,
        PrintWriter out,
        PrintWriter err) {
    public SeedEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The real process: its environment, home, clock, zone and standard streams. */
    public static SeedEnvironment system() {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        // The same home as the conference CLI's, so a load lands where `conference` looks.
        return new SeedEnvironment(
                System.getenv(),
                StoreLocation.userHome(System.getenv("HOME")),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                System.console() != null,
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true));
    }
}
