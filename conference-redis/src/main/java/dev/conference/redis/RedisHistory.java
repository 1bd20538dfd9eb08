package dev.conference.redis;

import dev.conference.model.Imported;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.port.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link History} on Redis, in pipelined rounds per call: find each event's instance in its
 * meeting's slot (place.lua; a message names its own), note each user's instances in the user's
 * slot (note-imported.lua, so erasure finds them), then import each instance's records in its
 * meeting's slot (import.lua), which checks again whatever may have changed in between.
 */
final class RedisHistory implements History {
    /** Records per script call: each call stays within a few milliseconds. */
    private static final int CHUNK = 500;

    private final RedisGateway redis;
    private final Keys keys;
    private final ScriptTime time;
    private final String retentionMillis;

    RedisHistory(RedisGateway redis, Keys keys, ScriptTime time, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.time = time;
        this.retentionMillis = Long.toString(retention.toMillis());
    }

    /**
     * One record, whichever the kind: {@code instance} is the one a message names, 0 for an event
     * (placed by its time); {@code what} is an event's type (wire name) or a message's text.
     */
    private record Row(String source, MeetingId meeting, int instance, UserId user, Instant at, String what) {}

    @Override
    public List<Imported> importEvents(List<PastEvent> events) {
        List<Row> rows = new ArrayList<>();
        for (PastEvent event : List.copyOf(Objects.requireNonNull(events, "events"))) {
            rows.add(
                    new Row(event.source(), event.meeting(), 0, event.user(), event.at(), EventCodes.of(event.type())));
        }
        return importRows(rows, "e");
    }

    @Override
    public List<Imported> importMessages(List<PastMessage> messages) {
        List<Row> rows = new ArrayList<>();
        for (PastMessage message : List.copyOf(Objects.requireNonNull(messages, "messages"))) {
            rows.add(new Row(
                    message.source(),
                    message.meeting(),
                    message.instance(),
                    message.user(),
                    message.at(),
                    message.text()));
        }
        return importRows(rows, "m");
    }

    /** What place.lua answered for a time after now. */
    private static final int FUTURE = -1;

    private List<Imported> importRows(List<Row> rows, String kind) {
        Imported[] outcomes = new Imported[rows.size()];
        // A message names its instance, and import.lua checks that it holds the message's time, so
        // only events need finding their instance first.
        int[] placed = kind.equals("e") ? place(rows, outcomes) : named(rows);
        String[] lives = note(rows, placed, outcomes);
        Map<IndexMember, List<Integer>> byInstance = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            if (placed[i] == FUTURE) {
                outcomes[i] = Imported.IN_FUTURE;
            } else if (placed[i] == 0) {
                outcomes[i] = Imported.NO_INSTANCE;
            } else {
                byInstance
                        .computeIfAbsent(new IndexMember(rows.get(i).meeting(), placed[i]), m -> new ArrayList<>())
                        .add(i);
            }
        }
        List<HistoryCalls.Import> imports = new ArrayList<>();
        List<List<Integer>> chunks = new ArrayList<>();
        String now = time.now();
        byInstance.forEach((instance, indexes) -> {
            indexes.sort(Comparator.comparing(i -> rows.get(i).at()));
            for (int start = 0; start < indexes.size(); start += CHUNK) {
                List<Integer> chunk = indexes.subList(start, Math.min(indexes.size(), start + CHUNK));
                imports.add(importOf(rows, kind, instance, chunk, lives, now));
                chunks.add(chunk);
            }
        });
        List<CompletableFuture<List<Object>>> replies = redis.startEach(imports);
        for (int c = 0; c < imports.size(); c++) {
            List<Integer> chunk = chunks.get(c);
            List<Object> letters = imports.get(c).decode(redis.await(replies.get(c)));
            for (int j = 0; j < chunk.size(); j++) {
                outcomes[chunk.get(j)] = outcome(letters.get(j));
            }
        }
        return Arrays.asList(outcomes);
    }

    /**
     * Each event's instance as its meeting's schedule says (0 for none, FUTURE for a time after
     * now); an event of an unknown meeting gets its outcome.
     */
    private int[] place(List<Row> rows, Imported[] outcomes) {
        Map<MeetingId, List<Integer>> byMeeting = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byMeeting
                    .computeIfAbsent(rows.get(i).meeting(), m -> new ArrayList<>())
                    .add(i);
        }
        int[] placed = new int[rows.size()];
        List<HistoryCalls.Place> places = new ArrayList<>();
        List<List<Integer>> chunks = new ArrayList<>();
        String now = time.now();
        byMeeting.forEach((meeting, indexes) -> {
            for (int start = 0; start < indexes.size(); start += CHUNK) {
                List<Integer> chunk = indexes.subList(start, Math.min(indexes.size(), start + CHUNK));
                List<String> times = new ArrayList<>(chunk.size());
                for (int i : chunk) {
                    times.add(Micros.of(rows.get(i).at()));
                }
                places.add(new HistoryCalls.Place(keys.meeting(meeting), now, times));
                chunks.add(chunk);
            }
        });
        List<CompletableFuture<List<Object>>> replies = redis.startEach(places);
        for (int c = 0; c < places.size(); c++) {
            List<Integer> chunk = chunks.get(c);
            List<Object> reply = redis.await(replies.get(c));
            for (int j = 0; j < chunk.size(); j++) {
                int i = chunk.get(j);
                if (Replies.status(reply).equals("UNKNOWN_MEETING")) {
                    outcomes[i] = Imported.UNKNOWN_MEETING;
                    continue;
                }
                String found = Replies.string(reply, j);
                placed[i] = found.equals("F") ? FUTURE : Integer.parseInt(found);
            }
        }
        return placed;
    }

    private static int[] named(List<Row> rows) {
        int[] placed = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            placed[i] = rows.get(i).instance();
        }
        return placed;
    }

    /**
     * Each user's life (note-imported.lua), by record; a record of an unknown user gets its outcome,
     * which comes before an unknown meeting's.
     */
    private String[] note(List<Row> rows, int[] placed, Imported[] outcomes) {
        Map<UserId, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byUser.computeIfAbsent(rows.get(i).user(), u -> new ArrayList<>()).add(i);
        }
        String[] lives = new String[rows.size()];
        List<UserCalls.NoteImported> notes = new ArrayList<>(byUser.size());
        List<List<Integer>> noted = new ArrayList<>(byUser.size());
        byUser.forEach((user, indexes) -> {
            Set<String> instances = new LinkedHashSet<>();
            for (int i : indexes) {
                if (placed[i] > 0) {
                    instances.add(IndexMember.of(rows.get(i).meeting(), placed[i]));
                }
            }
            notes.add(new UserCalls.NoteImported(keys.user(user), List.copyOf(instances)));
            noted.add(indexes);
        });
        List<CompletableFuture<List<Object>>> replies = redis.startEach(notes);
        for (int n = 0; n < notes.size(); n++) {
            Optional<String> life = notes.get(n).decode(redis.await(replies.get(n)));
            for (int i : noted.get(n)) {
                if (life.isPresent()) {
                    lives[i] = life.get();
                } else {
                    outcomes[i] = Imported.UNKNOWN_USER;
                }
            }
        }
        return lives;
    }

    /** import.lua over one instance's records in time order. */
    private HistoryCalls.Import importOf(
            List<Row> rows, String kind, IndexMember instance, List<Integer> chunk, String[] lives, String now) {
        List<HistoryCalls.Record> records = new ArrayList<>(chunk.size());
        for (int i : chunk) {
            Row row = rows.get(i);
            records.add(new HistoryCalls.Record(row.source(), row.user(), lives[i], Micros.of(row.at()), row.what()));
        }
        return new HistoryCalls.Import(
                keys.meeting(instance.meeting()), instance.instance(), now, retentionMillis, kind, records);
    }

    private static Imported outcome(Object letter) {
        return switch ((String) letter) {
            case "S" -> Imported.STORED;
            case "A" -> Imported.ALREADY_STORED;
            case "N" -> Imported.NO_INSTANCE;
            case "F" -> Imported.IN_FUTURE;
            case "B" -> Imported.TOO_FAR_BACK;
            case "U" -> Imported.UNKNOWN_USER;
            case "M" -> Imported.UNKNOWN_MEETING;
            default -> throw Replies.unexpected(List.of(letter));
        };
    }
}
