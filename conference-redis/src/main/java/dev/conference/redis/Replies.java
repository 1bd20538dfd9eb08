package dev.conference.redis;

import dev.conference.model.ChatMessage;
import dev.conference.model.EventType;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.StoreException;
import dev.conference.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads script replies: a status word first, then data; stream entries as {id, {field, value, ...}}. */
final class Replies {
    private Replies() {}

    /**
     * The failure for a reply no script gives: the data or the scripts on the server are not what this
     * version expects. Names only the status, since the rest may hold users' texts.
     */
    static StoreException unexpected(List<Object> reply) {
        return new StoreException("Redis gave a reply this version does not know: '" + status(reply) + "'", null);
    }

    static String status(List<Object> reply) {
        return (String) reply.get(0);
    }

    static String string(List<Object> reply, int index) {
        return (String) reply.get(index);
    }

    /** Reads flat stream entries (id, n, then n field and value items) from {@code from} on. */
    static List<ChatMessage> messages(List<Object> reply, int from, MeetingId meeting, int instance) {
        List<ChatMessage> out = new ArrayList<>();
        for (int i = from; i < reply.size(); i = next(reply, i)) {
            Map<String, String> fields = fields(reply, i);
            out.add(new ChatMessage(
                    (String) reply.get(i),
                    meeting,
                    instance,
                    UserId.of(fields.get("user")),
                    fields.get("text"),
                    at((String) reply.get(i), fields)));
        }
        return out;
    }

    /**
     * A stream entry's time: its {@code at}, or its id's millisecond when {@code at} is empty (an
     * entry stored on the server's clock: see stamped in prelude.lua).
     */
    static Instant at(String id, Map<String, String> fields) {
        return at(id, fields.get("at"));
    }

    /** A time as a script stored or answered it beside an entry's {@code id}: µs, or '' for the id's millisecond. */
    static Instant at(String id, String at) {
        if (at != null && !at.isEmpty()) {
            return Micros.parse(at);
        }
        return Instant.ofEpochMilli(Long.parseLong(id.substring(0, id.indexOf('-'))));
    }

    /** Reads flat stream entries of an event log from {@code from} on. */
    static List<MeetingEvent> events(List<Object> reply, int from, MeetingId meeting, int instance) {
        List<MeetingEvent> out = new ArrayList<>();
        for (int i = from; i < reply.size(); i = next(reply, i)) {
            String id = (String) reply.get(i);
            out.add(event(id, id, fields(reply, i), meeting, instance));
        }
        return out;
    }

    private static int next(List<Object> reply, int entry) {
        return entry + 2 + ((Long) reply.get(entry + 1)).intValue();
    }

    private static Map<String, String> fields(List<Object> reply, int entry) {
        int count = ((Long) reply.get(entry + 1)).intValue();
        Map<String, String> out = new HashMap<>(count);
        for (int i = entry + 2; i + 1 < entry + 2 + count; i += 2) {
            out.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return out;
    }

    /**
     * An event from the fields a script wrote in an instance's log (or a message's, with its
     * {@code ref} and {@code text}, as a meeting feed of an earlier layout held them); the one place
     * that reads event entries. {@code id} is the event's id as delivered (a live subscription's
     * position, see FeedCursor), {@code entryId} the id of the entry that holds the fields.
     */
    static MeetingEvent event(String id, String entryId, Map<String, String> fields, MeetingId meeting, int instance) {
        var at = at(entryId, fields);
        String user = fields.get("user");
        EventType type;
        try {
            type = EventCodes.type(fields.get("type"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("unknown event type '" + fields.get("type") + "' in meeting '" + meeting + "'", e);
        }
        return switch (type) {
            case JOINED -> new MeetingEvent.Joined(id, meeting, instance, UserId.of(user), at);
            case LEFT -> new MeetingEvent.Left(id, meeting, instance, UserId.of(user), at);
            case TIMED_OUT -> new MeetingEvent.TimedOut(id, meeting, instance, UserId.of(user), at);
            case REMOVED -> new MeetingEvent.Removed(id, meeting, instance, UserId.of(user), at);
            case UPDATED ->
                new MeetingEvent.Updated(
                        id,
                        meeting,
                        instance,
                        UserId.of(user),
                        at,
                        AttributeText.decode(fields.getOrDefault("attrs", "")));
            case STARTED -> new MeetingEvent.Started(id, meeting, instance, at);
            case ENDED -> new MeetingEvent.Ended(id, meeting, instance, at);
            case POSTED ->
                new MeetingEvent.Posted(
                        id,
                        new ChatMessage(fields.get("ref"), meeting, instance, UserId.of(user), fields.get("text"), at));
        };
    }
}
