package dev.conference.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints a command's result: a table or a sentence for people, or with {@code --json} one JSON
 * document for scripts (times as ISO-8601 instants in UTC, lengths of time as ISO-8601 durations).
 */
final class Output {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The JSON writers, built on first use: a command without {@code --json} loads none of Jackson's
     * classes (about 380, a tenth of a one-shot command's start).
     */
    private static final class Json {
        static final ObjectMapper DOCUMENT = new ObjectMapper()
                .registerModule(new SimpleModule("conference-cli")
                        .addSerializer(Instant.class, ToStringSerializer.instance)
                        // ISO-8601, like PT30S.
                        .addSerializer(Duration.class, ToStringSerializer.instance))
                .enable(SerializationFeature.INDENT_OUTPUT);
        /** One document per line, for the commands that print as things happen (JSON Lines). */
        static final ObjectMapper LINE = DOCUMENT.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintWriter out;
    private final boolean json;
    private final ZoneId zone;

    Output(PrintWriter out, boolean json, ZoneId zone) {
        this.out = out;
        this.json = json;
        this.zone = zone;
    }

    /** Prints {@code document} as JSON, or else {@code table} (or {@code whenEmpty} if it has no rows). */
    void result(Object document, Table table, String whenEmpty) {
        if (json) {
            printJson(document);
        } else {
            table.print(out, whenEmpty);
        }
    }

    /** Prints {@code document} as JSON, or else the sentence {@code message}. */
    void result(Object document, String message) {
        if (json) {
            printJson(document);
        } else {
            out.println(message);
            out.flush();
        }
    }

    /**
     * Prints one item of a stream of results and flushes it, so a reader sees it at once: with
     * {@code --json} {@code document} as one line of JSON (JSON Lines), or else the line {@code text}.
     */
    void line(Object document, String text) {
        if (json) {
            try {
                out.println(Json.LINE.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the result as JSON: " + e.getMessage(), e);
            }
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** A time as people here read it: in the local zone, to the second. */
    String time(Instant instant) {
        return LOCAL_TIME.format(instant.atZone(zone));
    }

    private void printJson(Object document) {
        try {
            out.println(Json.DOCUMENT.writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON: " + e.getMessage(), e);
        }
    }
}
