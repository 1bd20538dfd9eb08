package dev.conference.seed;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the seeder in-process with a chosen environment and keeps what it printed. */
final class SeedRun {
    private Map<String, String> variables = Map.of();
    private Path home = Path.of("/nonexistent-home");
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    static SeedRun seed() {
        return new SeedRun();
    }

    SeedRun variables(Map<String, String> variables) {
        this.variables = variables;
        return this;
    }

    SeedRun home(Path home) {
        this.home = home;
        return this;
    }

    SeedRun clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    SeedRun zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> strings = new ArrayList<>();
        for (Object arg : args) {
            strings.add(arg.toString());
        }
        int code = SeedMain.run(
                new SeedEnvironment(
                        variables, home, clock, zone, false, new PrintWriter(out, true), new PrintWriter(err, true)),
                strings.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
