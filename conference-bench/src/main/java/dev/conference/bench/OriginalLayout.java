package dev.conference.bench;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The original Python tool's way of keeping the same data, emulated for comparison (the README of
 * this module lists it): flat hashes named after the entity, JSON text for lists, one list key per
 * event and per message, found again by scanning the keyspace. Written with plain commands, pipelined.
 */
final class OriginalLayout {
    static final String JOINED = "1";
    static final String LEFT = "2";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final RedisAsyncCommands<String, String> async;
    private final RedisCommands<String, String> sync;

    OriginalLayout(RedisAsyncCommands<String, String> async, RedisCommands<String, String> sync) {
        this.async = async;
        this.sync = sync;
    }

    /** {@code user:<id>}: hash of userID, name, age, gender, email (the fields of users.json). */
    CompletionStage<?> saveUser(User user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("userID", user.id().value());
        fields.put("name", user.name());
        fields.put("age", Integer.toString(user.age()));
        fields.put("gender", user.gender());
        fields.put("email", user.email());
        return async.hset("user:" + user.id().value(), fields);
    }

    /** {@code meeting:<id>}: hash of meeting_id, title, description, isPublic (0/1), audience as a JSON array. */
    CompletionStage<?> saveMeeting(Meeting meeting) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("meeting_id", meeting.id().value());
        fields.put("title", meeting.title());
        fields.put("description", meeting.description());
        fields.put("isPublic", meeting.isPublic() ? "1" : "0");
        fields.put(
                "audience",
                meeting.audience().stream()
                        .sorted()
                        .map(email -> "\"" + email + "\"")
                        .collect(Collectors.joining(", ", "[", "]")));
        return async.hset("meeting:" + meeting.id().value(), fields);
    }

    /** {@code meeting_instance:<id>_<order>}: hash of meeting_id, order_id, fromdatetime, todatetime. */
    CompletionStage<?> saveInstance(MeetingInstance instance) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("meeting_id", instance.meeting().value());
        fields.put("order_id", Integer.toString(instance.instance()));
        fields.put("fromdatetime", stamp(instance.from()));
        fields.put("todatetime", stamp(instance.to()));
        return async.hset("meeting_instance:" + instance.meeting().value() + "_" + instance.instance(), fields);
    }

    /**
     * {@code event_<meeting>_<user>_<n>} ({@code n}: the user's n-th event in the meeting, from 0): a
     * list of event_id (the key itself), userID, event_type (1 join, 2 leave, 3 timeout), timestamp.
     */
    CompletionStage<?> event(String meeting, String user, int n, String type, Instant at) {
        String key = "event_" + meeting + "_" + user + "_" + n;
        return async.rpush(key, key, user, type, stamp(at));
    }

    /**
     * {@code message_<meeting>_<user>_<n>}: a list of meeting_id, order_id, userID, text, timestamp.
     */
    CompletionStage<?> message(String meeting, int order, String user, int n, String text, Instant at) {
        return async.rpush(
                "message_" + meeting + "_" + user + "_" + n, meeting, Integer.toString(order), user, text, stamp(at));
    }

    /**
     * The original tool's way to know who is in a meeting: walk the whole keyspace for the meeting's
     * event keys ({@code SCAN MATCH event_<meeting>_*}, COUNT 1000, which is kinder to it than the
     * client's default of 10), read each event, and keep the users whose last event is a join.
     */
    Set<String> participantsByScan(String meeting) {
        List<String> keys = new ArrayList<>();
        ScanArgs match = ScanArgs.Builder.matches("event_" + meeting + "_*").limit(1_000);
        KeyScanCursor<String> cursor = sync.scan(ScanCursor.INITIAL, match);
        keys.addAll(cursor.getKeys());
        while (!cursor.isFinished()) {
            cursor = sync.scan(cursor, match);
            keys.addAll(cursor.getKeys());
        }
        List<CompletableFuture<List<String>>> events = new ArrayList<>(keys.size());
        for (String key : keys) {
            events.add(async.lrange(key, 0, -1).toCompletableFuture());
        }
        Map<String, Integer> lastN = new HashMap<>();
        Map<String, String> lastType = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> event = events.get(i).join();
            String key = keys.get(i);
            int n = Integer.parseInt(key.substring(key.lastIndexOf('_') + 1));
            String user = event.get(1);
            if (n >= lastN.getOrDefault(user, -1)) {
                lastN.put(user, n);
                lastType.put(user, event.get(2));
            }
        }
        Set<String> out = new HashSet<>();
        lastType.forEach((user, type) -> {
            if (type.equals(JOINED)) {
                out.add(user);
            }
        });
        return out;
    }

    /** The generator's date-time form: local, microseconds, no zone (UTC here). */
    private static String stamp(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(STAMP);
    }
}
