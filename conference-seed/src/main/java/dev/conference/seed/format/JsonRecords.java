package dev.conference.seed.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a file that holds one JSON array of records, one record at a time, so memory stays the size
 * of one record whatever the size of the file. Thread-safe; each call opens its own parser.
 */
public final class JsonRecords {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A record naming a field twice is ambiguous: refuse it rather than keep either value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonRecords() {}

    /** Receives each element of the array with its position, and how far into the file the reader is. */
    @FunctionalInterface
    public interface Visitor {
        void record(RecordPosition position, JsonNode record, long bytesRead) throws IOException;
    }

    /**
     * Calls {@code visitor} for each element of the file's top-level array, in order.
     *
     * @throws MalformedJsonException at the first place the file stops being a JSON array
     * @throws IOException            if the file cannot be read
     */
    public static long forEach(Path file, Visitor visitor) throws MalformedJsonException, IOException {
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedJsonException(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        first == null
                                ? "the file is empty; expected a JSON array of records"
                                : "expected a JSON array of records, found " + describe(first));
            }
            long index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    JsonLocation at = parser.currentLocation();
                    throw new MalformedJsonException(
                            file, at.getLineNr(), at.getColumnNr(), "the file ends inside the array (truncated?)");
                }
                JsonLocation at = parser.currentTokenLocation();
                RecordPosition position = new RecordPosition(file, index++, at.getLineNr(), at.getColumnNr());
                JsonNode record = parser.readValueAsTree();
                visitor.record(position, record, parser.currentLocation().getByteOffset());
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedJsonException(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        "unexpected " + describe(after) + " after the end of the array");
            }
            return index;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedJsonException(
                    file,
                    at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage().replace('\n', ' '));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
