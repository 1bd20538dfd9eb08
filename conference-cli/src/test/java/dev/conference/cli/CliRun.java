package dev.conference.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process as a user would type it, with captured streams, times shown in UTC and a
 * home directory the test owns.
 */
final class CliRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> variables = new HashMap<>();
    private final Path home;
    private String input = "";

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

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables, home, Clock.systemUTC(), ZoneOffset.UTC,
                new StringReader(input), new PrintWriter(out, true), new PrintWriter(err, true));
        int code = new Cli(environment).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("stdout is not one JSON document:\n" + out, e);
            }
        }

        /** For assertion messages: what the run printed. */
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
