package dev.conference.redis;

import dev.conference.model.Imported;
import dev.conference.model.MeetingId;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.UserId;
import dev.conference.port.History;
import dev.conference.redis.Keys.MeetingKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        String now = time.now();
        byInstance.forEach((instance, indexes) -> {
            indexes.sort(Comparator.comparing(i -> rows.get(i).at()));
            for (int start = 0; start < indexes.size(); start += CHUNK) {
                List<Integer> chunk = indexes.subList(start, Math.min(indexes.size(), start + CHUNK));
                calls.add(importChunk(rows, kind, instance, chunk, lives, now).thenAccept(letters -> {
                    for (int j = 0; j < chunk.size(); j++) {
                        outcomes[chunk.get(j)] = outcome(letters.get(j));
                    }
                }));
            }
        });
        calls.forEach(redis::await);
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
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        String now = time.now();
        byMeeting.forEach((meeting, indexes) -> {
            MeetingKeys k = keys.meeting(meeting);
            for (int start = 0; start < indexes.size(); start += CHUNK) {
                List<Integer> chunk = indexes.subList(start, Math.min(indexes.size(), start + CHUNK));
                String[] args = new String[chunk.size() + 1];
                args[0] = now;
                for (int j = 0; j < chunk.size(); j++) {
                    args[j + 1] = Micros.of(rows.get(chunk.get(j)).at());
                }
                calls.add(redis.start(Scripts.PLACE, new String[] {k.meeting(), k.starts(), k.ends()}, args)
                        .thenAccept(reply -> {
                            for (int j = 0; j < chunk.size(); j++) {
                                int i = chunk.get(j);
                                if (Replies.status(reply).equals("UNKNOWN_MEETING")) {
                                    outcomes[i] = Imported.UNKNOWN_MEETING;
                                    continue;
                                }
                                String found = Replies.string(reply, j);
                                placed[i] = found.equals("F") ? FUTURE : Integer.parseInt(found);
                            }
                        }));
            }
        });
        calls.forEach(redis::await);
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
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        byUser.forEach((user, indexes) -> {
            Set<String> instances = new LinkedHashSet<>();
            for (int i : indexes) {
                if (placed[i] > 0) {
                    instances.add(IndexMember.of(rows.get(i).meeting(), placed[i]));
                }
            }
            UserCalls.NoteImported call = new UserCalls.NoteImported(keys.user(user), List.copyOf(instances));
            calls.add(call.start(redis).thenAccept(reply -> {
                Optional<String> life = call.decode(reply);
                for (int i : indexes) {
                    if (life.isPresent()) {
                        lives[i] = life.get();
                    } else {
                        outcomes[i] = Imported.UNKNOWN_USER;
                    }
                }
            }));
        });
        calls.forEach(redis::await);
        return lives;
    }

    /** import.lua over one instance's records in time order; answers a letter a record. */
    private CompletableFuture<List<Object>> importChunk(
            List<Row> rows, String kind, IndexMember instance, List<Integer> chunk, String[] lives, String now) {
        MeetingKeys k = keys.meeting(instance.meeting());
        String n = Integer.toString(instance.instance());
        List<String> keyList = new ArrayList<>(List.of(
                k.meeting(),
                k.starts(),
                k.ends(),
                k.ended(),
                k.started(),
                k.feed(),
                k.events(n),
                k.chat(n),
                k.participants(n),
                k.leases(n),
                k.imported(n)));
        List<String> args = new ArrayList<>(List.of(now, n, retentionMillis, kind));
        for (int i : chunk) {
            Row row = rows.get(i);
            keyList.add(k.erased(row.user()));
            args.addAll(List.of(row.source(), row.user().value(), lives[i], Micros.of(row.at()), row.what()));
        }
        return redis.start(Scripts.IMPORT, keyList.toArray(String[]::new), args.toArray(String[]::new))
                .thenApply(reply -> {
                    if (Replies.status(reply).equals("UNKNOWN_MEETING")) {
                        return Collections.nCopies(chunk.size(), (Object) "M");
                    }
                    return reply;
                });
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
