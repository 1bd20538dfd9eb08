package dev.conference.seed.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.model.EventType;
import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.PastMessage;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns one record of the original tool's files into a domain value, or says in one sentence why it
 * cannot. Field names, types and codes are the original's; the domain's own rules (name length, email
 * shape, {@code from} before {@code to}) are checked by the domain constructors. Fields the format does
 * not define are ignored.
 */
public final class OriginalFormat {
    private OriginalFormat() {}

    /** {@code {userID, name, age, gender, email}}. */
    public static User user(JsonNode record) throws InvalidRecordException {
        requireObject(record);
        String id = text(record, "userID");
        String name = text(record, "name");
        int age = integer(record, "age");
        String gender = text(record, "gender");
        String email = text(record, "email");
        try {
            return new User(UserId.of(id), name, age, gender, email);
        } catch (InvalidInputException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /**
     * {@code {meeting_id, title, description, isPublic (0 or 1), audience: [email, ...]}}, and
     * optionally {@code capacity} (participants per instance at most; this tool's extension).
     */
    public static Meeting meeting(JsonNode record) throws InvalidRecordException {
        requireObject(record);
        String id = text(record, "meeting_id");
        String title = text(record, "title");
        String description = text(record, "description");
        boolean isPublic = flag(record, "isPublic");
        List<String> audience = texts(record, "audience");
        Set<String> distinct = new LinkedHashSet<>(audience);
        if (distinct.size() < audience.size()) {
            Set<String> seen = new HashSet<>();
            String twice = audience.stream()
                    .filter(email -> !seen.add(email))
                    .findFirst()
                    .orElseThrow();
            throw new InvalidRecordException("field 'audience' lists '" + twice + "' twice");
        }
        OptionalInt capacity =
                record.hasNonNull("capacity") ? OptionalInt.of(integer(record, "capacity")) : OptionalInt.empty();
        try {
            return new Meeting(MeetingId.of(id), title, description, isPublic, distinct, capacity);
        } catch (InvalidInputException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /** {@code {meeting_id, order_id, fromdatetime, todatetime}}, local date-times read in {@code zone}. */
    public static MeetingInstance instance(JsonNode record, ZoneId zone) throws InvalidRecordException {
        requireObject(record);
        String meeting = text(record, "meeting_id");
        int order = integer(record, "order_id");
        Instant from = time(record, "fromdatetime", zone);
        Instant to = time(record, "todatetime", zone);
        try {
            return new MeetingInstance(MeetingId.of(meeting), order, from, to);
        } catch (InvalidInputException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /**
     * {@code {event_id, userID, event_type (1 join, 2 leave, 3 timeout), timestamp}}; the meeting is
     * what {@code event_id} holds between {@code event_} and {@code _<userID>_<n>}.
     */
    public static SourceEvent event(JsonNode record, ZoneId zone) throws InvalidRecordException {
        requireObject(record);
        String id = text(record, "event_id");
        String user = text(record, "userID");
        int code = integer(record, "event_type");
        EventType type = EventCodes.ofCode(code);
        if (type == null) {
            throw new InvalidRecordException(
                    "field 'event_type' must be 1 (join), 2 (leave) or 3 (timeout), got " + code);
        }
        Instant at = time(record, "timestamp", zone);
        try {
            return new SourceEvent(id, meetingOf(id, user), UserId.of(user), type, at);
        } catch (InvalidInputException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /**
     * {@code {message_id, meeting_id, order_id, userID, text, timestamp}}: a chat message of
     * messages.json, this tool's extension of the format.
     */
    public static PastMessage message(JsonNode record, ZoneId zone) throws InvalidRecordException {
        requireObject(record);
        String id = text(record, "message_id");
        String meeting = text(record, "meeting_id");
        int order = integer(record, "order_id");
        String user = text(record, "userID");
        String text = text(record, "text");
        Instant at = time(record, "timestamp", zone);
        try {
            return new PastMessage(id, MeetingId.of(meeting), order, UserId.of(user), text, at);
        } catch (InvalidInputException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    private static MeetingId meetingOf(String eventId, String user) throws InvalidRecordException {
        String prefix = "event_";
        int suffix = eventId.lastIndexOf("_" + user + "_");
        boolean counted = suffix >= 0 && isDigits(eventId.substring(suffix + user.length() + 2));
        if (!eventId.startsWith(prefix) || !counted || suffix <= prefix.length()) {
            throw new InvalidRecordException("field 'event_id' must be event_<meeting_id>_<userID>_<n> with this"
                    + " record's userID '" + user + "', got '" + eventId + "'");
        }
        return MeetingId.of(eventId.substring(prefix.length(), suffix));
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void requireObject(JsonNode record) throws InvalidRecordException {
        if (!record.isObject()) {
            throw new InvalidRecordException("expected an object, got " + kind(record));
        }
    }

    private static JsonNode field(JsonNode record, String name) throws InvalidRecordException {
        JsonNode value = record.get(name);
        if (value == null) {
            throw new InvalidRecordException("missing field '" + name + "'");
        }
        if (value.isNull()) {
            throw new InvalidRecordException("field '" + name + "' is null");
        }
        return value;
    }

    private static String text(JsonNode record, String name) throws InvalidRecordException {
        JsonNode value = field(record, name);
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    private static int integer(JsonNode record, String name) throws InvalidRecordException {
        JsonNode value = field(record, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(name, "a whole number", value);
        }
        return value.intValue();
    }

    /** 0 or 1 as the original writes it; true and false are taken too. */
    private static boolean flag(JsonNode record, String name) throws InvalidRecordException {
        JsonNode value = field(record, name);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.longValue() == 0 || value.longValue() == 1)) {
            return value.longValue() == 1;
        }
        throw wrongType(name, "0 or 1", value);
    }

    private static List<String> texts(JsonNode record, String name) throws InvalidRecordException {
        JsonNode value = field(record, name);
        if (!value.isArray()) {
            throw wrongType(name, "an array of strings", value);
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidRecordException("field '" + name + "' must hold only strings, got " + kind(item));
            }
            out.add(item.textValue());
        }
        return out;
    }

    /**
     * A local date-time ({@code 2024-05-12T11:40:27.778235}, fraction optional) read in {@code zone};
     * one with an offset ({@code ...+02:00} or {@code Z}) is an exact instant and ignores the zone. In a
     * daylight-saving gap the time moves forward by the gap; in an overlap the earlier offset wins.
     */
    private static Instant time(JsonNode record, String name, ZoneId zone) throws InvalidRecordException {
        String text = text(record, name);
        LocalDateTime usual = usualLocal(text);
        if (usual != null) {
            return usual.atZone(zone).toInstant();
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException offset) {
                throw new InvalidRecordException("field '" + name + "' must be a date-time like"
                        + " 2024-05-12T11:40:27.778235, got '" + shorten(text) + "'");
            }
        }
    }

    /**
     * The form the original tool writes, {@code 2024-05-12T11:40:27.778235} (fraction optional, up to
     * nine digits), read without java.time's general parser, which took a fifth of a load's time;
     * null for any other text, which the general parser then reads (or refuses) as before.
     */
    static LocalDateTime usualLocal(String text) {
        int length = text.length();
        if (length < 19
                || length == 20
                || length > 29
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || (length > 19 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 19) {
            int fraction = digits(text, 20, length);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    /** The number the decimal digits of {@code text[from, to)} spell, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static InvalidRecordException wrongType(String name, String expected, JsonNode value) {
        return new InvalidRecordException("field '" + name + "' must be " + expected + ", got " + kind(value));
    }

    private static String kind(JsonNode value) {
        String shown = shorten(value.toString());
        return switch (value.getNodeType()) {
            case STRING -> "the string " + shown;
            case NUMBER -> "the number " + shown;
            case BOOLEAN -> shown;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> shown;
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
