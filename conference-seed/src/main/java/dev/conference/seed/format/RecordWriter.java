package dev.conference.seed.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.conference.model.MeetingInstance;
import dev.conference.model.PastMessage;
import dev.conference.model.User;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one file of the original format record by record, laid out as Python's
 * {@code json.dump(..., indent=4)} lays it out, so memory stays flat for any number of records. The
 * file appears under its name only when {@link #close()} completes: until then it is written beside
 * it under a temporary name, so an interrupted run never leaves half a file that looks whole.
 * Not thread-safe.
 */
public final class RecordWriter implements AutoCloseable {
    /** The original's form: microseconds always, no zone. */
    public static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter INDENT = new DefaultIndenter("    ", "\n");

    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private final JsonGenerator json;
    private final ZoneId zone;
    private boolean closed;

    private RecordWriter(Path target, ZoneId zone) throws IOException {
        this.target = target;
        this.temporary = target.resolveSibling(target.getFileName() + ".partial");
        this.zone = zone;
        this.out = Files.newOutputStream(temporary);
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.setPrettyPrinter(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(INDENT)
                .withArrayIndenter(INDENT));
        json.writeStartArray();
    }

    /**
     * Starts the file {@code target}; times are written as local date-times in {@code zone}.
     *
     * @throws IOException if the temporary file cannot be created
     */
    public static RecordWriter open(Path target, ZoneId zone) throws IOException {
        return new RecordWriter(target, zone);
    }

    public void user(User user) throws IOException {
        json.writeStartObject();
        json.writeStringField("userID", user.id().value());
        json.writeStringField("name", user.name());
        json.writeNumberField("age", user.age());
        json.writeStringField("gender", user.gender());
        json.writeStringField("email", user.email());
        json.writeEndObject();
    }

    /** A meeting, with its audience in the order given (a {@code Meeting}'s set has none). */
    public void meeting(String id, String title, String description, boolean isPublic, List<String> audience)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("meeting_id", id);
        json.writeStringField("title", title);
        json.writeStringField("description", description);
        json.writeNumberField("isPublic", isPublic ? 1 : 0);
        json.writeArrayFieldStart("audience");
        for (String email : audience) {
            json.writeString(email);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    public void instance(MeetingInstance instance) throws IOException {
        json.writeStartObject();
        json.writeStringField("meeting_id", instance.meeting().value());
        json.writeNumberField("order_id", instance.instance());
        json.writeStringField("fromdatetime", local(instance.from()));
        json.writeStringField("todatetime", local(instance.to()));
        json.writeEndObject();
    }

    public void event(SourceEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("event_id", event.id());
        json.writeStringField("userID", event.user().value());
        json.writeNumberField("event_type", EventCodes.code(event.type()));
        json.writeStringField("timestamp", local(event.at()));
        json.writeEndObject();
    }

    /** A chat message of messages.json, this tool's extension of the format. */
    public void message(PastMessage message) throws IOException {
        json.writeStartObject();
        json.writeStringField("message_id", message.source());
        json.writeStringField("meeting_id", message.meeting().value());
        json.writeNumberField("order_id", message.instance());
        json.writeStringField("userID", message.user().value());
        json.writeStringField("text", message.text());
        json.writeStringField("timestamp", local(message.at()));
        json.writeEndObject();
    }

    private String local(Instant instant) {
        return LOCAL_TIME.format(LocalDateTime.ofInstant(instant, zone));
    }

    /** Ends the array and puts the file in place under its name. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out;
                json) {
            json.writeEndArray();
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Gives up: removes the temporary file and leaves any earlier file of that name as it was. */
    public void abandon() {
        closed = true;
        try (out;
                json) {
            json.flush();
        } catch (IOException ignored) {
            // the file is removed below; what it held no longer matters
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a stray .partial file is harmless and named as such
        }
    }
}
