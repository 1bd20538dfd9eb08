package dev.conference.redis;

import dev.conference.model.ChatMessage;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads script replies: a status word first, then data; stream entries as {id, {field, value, ...}}. */
final class Replies {
    private Replies() {
    }

    static String status(List<Object> reply) {
        return (String) reply.get(0);
    }

    static String string(List<Object> reply, int index) {
        return (String) reply.get(index);
    }

    static List<ChatMessage> messages(List<Object> entries, int from, MeetingId meeting, int instance) {
        List<ChatMessage> out = new ArrayList<>(entries.size() - from);
        for (int i = from; i < entries.size(); i++) {
            out.add(message(entries.get(i), meeting, instance));
        }
        return out;
    }

    static List<MeetingEvent> events(List<Object> entries, int from, MeetingId meeting, int instance) {
        List<MeetingEvent> out = new ArrayList<>(entries.size() - from);
        for (int i = from; i < entries.size(); i++) {
            out.add(event(entries.get(i), meeting, instance));
        }
        return out;
    }

    private static ChatMessage message(Object entry, MeetingId meeting, int instance) {
        List<?> parts = (List<?>) entry;
        Map<String, String> fields = fields(parts.get(1));
        return new ChatMessage((String) parts.get(0), meeting, instance, UserId.of(fields.get("user")),
                fields.get("text"), Micros.parse(fields.get("at")));
    }

    private static MeetingEvent event(Object entry, MeetingId meeting, int instance) {
        List<?> parts = (List<?>) entry;
        String id = (String) parts.get(0);
        Map<String, String> fields = fields(parts.get(1));
        var at = Micros.parse(fields.get("at"));
        String type = fields.get("type");
        return switch (type) {
            case "joined" -> new MeetingEvent.Joined(id, meeting, instance, UserId.of(fields.get("user")), at);
            case "left" -> new MeetingEvent.Left(id, meeting, instance, UserId.of(fields.get("user")), at);
            case "timed-out" -> new MeetingEvent.TimedOut(id, meeting, instance, UserId.of(fields.get("user")), at);
            case "started" -> new MeetingEvent.Started(id, meeting, instance, at);
            case "ended" -> new MeetingEvent.Ended(id, meeting, instance, at);
            default -> throw new StoreException("unknown event type '" + type + "' in the log of meeting '"
                    + meeting + "'", null);
        };
    }

    private static Map<String, String> fields(Object flat) {
        List<?> values = (List<?>) flat;
        Map<String, String> out = new HashMap<>(values.size());
        for (int i = 0; i + 1 < values.size(); i += 2) {
            out.put((String) values.get(i), (String) values.get(i + 1));
        }
        return out;
    }
}
