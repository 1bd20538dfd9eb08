package dev.conference.redis;

import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Directory;
import dev.conference.redis.Keys.MeetingKeys;
import io.lettuce.core.KeyValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Users, meetings and instances on Redis. An entity's own keys change in one step; the listings of
 * every user and every meeting live in other slots and follow each change in two steps around it
 * (see Listing), so a listing may briefly miss an entity being saved but never shows half of one.
 */
final class RedisDirectory implements Directory {
    /** How many instances deleteUser erases a user from per round. */
    private static final int ERASE_BATCH = 100;

    private final RedisGateway redis;
    private final Keys keys;
    private final ScriptTime time;
    private final String replayWindowMillis;
    private final Listing users;
    private final Listing meetings;

    RedisDirectory(RedisGateway redis, Keys keys, ScriptTime time, Duration replayWindow) {
        this.redis = redis;
        this.keys = keys;
        this.users = new Listing(redis, keys.users());
        this.meetings = new Listing(redis, keys.meetings());
        this.time = time;
        this.replayWindowMillis = Long.toString(replayWindow.toMillis());
    }

    @Override
    public void saveUser(User user) {
        saveUsers(List.of(user));
    }

    @Override
    public void saveUsers(List<User> users) {
        users.forEach(user -> Objects.requireNonNull(user, "user"));
        if (users.isEmpty()) {
            return;
        }
        List<String> ids = users.stream().map(user -> user.id().value()).toList();
        Listing.Marks marks = this.users.mark(ids);
        List<DirectoryCalls.SaveUser> saves = new ArrayList<>(users.size());
        for (User user : users) {
            saves.add(new DirectoryCalls.SaveUser(keys.user(user.id()), user, newLife()));
        }
        awaitAll(redis.startEach(saves));
        this.users.settle(marks, true);
    }

    @Override
    public Optional<User> user(UserId id) {
        Objects.requireNonNull(id, "user id");
        return Profile.user(id, redis.await(redis.hmget(keys.user(id), Profile.FIELDS)));
    }

    @Override
    public List<User> users(Page page) {
        List<String> ids = users.page(page);
        List<CompletableFuture<List<KeyValue<String, String>>>> pending = new ArrayList<>(ids.size());
        for (String id : ids) {
            pending.add(redis.hmget(keys.user(UserId.of(id)), Profile.FIELDS));
        }
        List<User> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Profile.user(UserId.of(ids.get(i)), redis.await(pending.get(i))).ifPresent(out::add);
        }
        return out;
    }

    /** A random id telling one life of a user id from the next (see erase.lua). */
    private static String newLife() {
        return RandomIds.next();
    }

    /**
     * Erases a user. Their record goes first, in one step with reading which life it was, so no join
     * can start after it; then each instance noted in their hash (see note-joined.lua) is erased
     * (erase.lua) and crossed off, in batches; then the id leaves the listing. A deleteUser that
     * fails half-way leaves the rest noted, and the next deleteUser of the id finishes it. The
     * {@code joined-in} hash where an earlier layout kept those notes is gone through too.
     */
    @Override
    public boolean deleteUser(UserId id) {
        Objects.requireNonNull(id, "user id");
        Listing.Marks marks = users.mark(List.of(id.value()));
        List<Object> forgotten = redis.run(Scripts.FORGET_USER, new String[] {keys.user(id)});
        boolean existed = ((Long) forgotten.get(0)) > 0;
        String life = (String) forgotten.get(1);
        for (String notes : List.of(keys.user(id), keys.joinedIn(id))) {
            eraseFromEachInstance(id, life, notes);
        }
        users.settle(marks, false);
        return existed;
    }

    /**
     * Erases the user from each instance noted in {@code notes}, a batch at a time, crossing each
     * batch off. The user's hash may hold profile fields again (saved anew meanwhile): they are
     * passed over, and a batch of HRANDFIELD holds at most those few besides instances, so a batch
     * with no instance means none is left.
     */
    private void eraseFromEachInstance(UserId id, String life, String notes) {
        while (true) {
            List<String> batch = redis.call(r -> r.hrandfield(notes, ERASE_BATCH)).stream()
                    .filter(IndexMember::looksLikeOne)
                    .toList();
            if (batch.isEmpty()) {
                return;
            }
            String now = time.now();
            List<IndexMember> instances = new ArrayList<>(batch.size());
            batch.forEach(member -> instances.add(IndexMember.parse(member)));
            // In instance order, so the LEFT events of one meeting take their `seq` as in every store.
            instances.sort(Comparator.comparing(
                            (IndexMember member) -> member.meeting().value())
                    .thenComparingInt(IndexMember::instance));
            for (IndexMember instance : instances) {
                MeetingKeys k = keys.meeting(instance.meeting());
                String n = Integer.toString(instance.instance());
                // A page of the chat, then of the log, per call, until the cursor comes back empty.
                String after = "-";
                do {
                    List<Object> erased = redis.run(
                            Scripts.ERASE,
                            new String[] {
                                k.meeting(),
                                k.erased(id),
                                k.participants(n),
                                k.leases(n),
                                k.events(n),
                                k.chat(n),
                                k.imported(n)
                            },
                            now,
                            n,
                            id.value(),
                            after,
                            life,
                            replayWindowMillis);
                    after = (String) erased.get(1);
                } while (!after.isEmpty());
            }
            redis.call(r -> r.hdel(notes, batch.toArray(String[]::new)));
        }
    }

    @Override
    public void saveMeeting(Meeting meeting) {
        saveMeetings(List.of(meeting));
    }

    @Override
    public void saveMeetings(List<Meeting> meetings) {
        meetings.forEach(meeting -> Objects.requireNonNull(meeting, "meeting"));
        if (meetings.isEmpty()) {
            return;
        }
        List<String> ids =
                meetings.stream().map(meeting -> meeting.id().value()).toList();
        Listing.Marks marks = this.meetings.mark(ids);
        List<DirectoryCalls.SaveMeeting> saves = new ArrayList<>(meetings.size());
        for (Meeting meeting : meetings) {
            saves.add(new DirectoryCalls.SaveMeeting(keys.meeting(meeting.id()), meeting));
        }
        awaitAll(redis.startEach(saves));
        this.meetings.settle(marks, true);
    }

    @Override
    public Optional<Meeting> meeting(MeetingId id) {
        Objects.requireNonNull(id, "meeting id");
        MeetingKeys meetingKeys = keys.meeting(id);
        var fields = redis.start(r -> r.hgetall(meetingKeys.meeting()));
        var audience = redis.start(r -> r.hvals(meetingKeys.audience()));
        return meeting(id, redis.await(fields), redis.await(audience));
    }

    private static Optional<Meeting> meeting(MeetingId id, Map<String, String> fields, List<String> audience) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Meeting(
                id,
                fields.get("title"),
                fields.get("description"),
                Admission.isPublic(fields.get("public")),
                new HashSet<>(audience),
                Admission.capacity(fields.get("public"))));
    }

    @Override
    public List<Meeting> meetings(Page page) {
        List<String> ids = meetings.page(page);
        List<CompletableFuture<Map<String, String>>> fields = new ArrayList<>(ids.size());
        List<CompletableFuture<List<String>>> audiences = new ArrayList<>(ids.size());
        for (String id : ids) {
            MeetingKeys meetingKeys = keys.meeting(MeetingId.of(id));
            fields.add(redis.start(r -> r.hgetall(meetingKeys.meeting())));
            audiences.add(redis.start(r -> r.hvals(meetingKeys.audience())));
        }
        List<Meeting> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            meeting(MeetingId.of(ids.get(i)), redis.await(fields.get(i)), redis.await(audiences.get(i)))
                    .ifPresent(out::add);
        }
        return out;
    }

    @Override
    public boolean deleteMeeting(MeetingId id) {
        Objects.requireNonNull(id, "meeting id");
        Listing.Marks marks = meetings.mark(List.of(id.value()));
        for (MeetingInstance instance : instances(id)) {
            deleteInstance(id, instance.instance());
        }
        MeetingKeys meetingKeys = keys.meeting(id);
        // The replies kept for re-sent commands (replies:*) hold no text and expire by themselves.
        boolean existed = redis.call(r -> r.del(
                        meetingKeys.meeting(),
                        meetingKeys.audience(),
                        meetingKeys.starts(),
                        meetingKeys.ends(),
                        meetingKeys.ended(),
                        meetingKeys.started(),
                        meetingKeys.closing(),
                        meetingKeys.turns(),
                        meetingKeys.late(),
                        meetingKeys.feed()))
                > 0;
        meetings.settle(marks, false);
        return existed;
    }

    @Override
    public void saveInstance(MeetingInstance instance) {
        saveInstances(List.of(instance));
    }

    @Override
    public void saveInstances(List<MeetingInstance> instances) {
        List<DirectoryCalls.SaveInstance> saves = new ArrayList<>(instances.size());
        for (MeetingInstance instance : instances) {
            Objects.requireNonNull(instance, "instance");
            saves.add(new DirectoryCalls.SaveInstance(keys.meeting(instance.meeting()), instance));
        }
        List<CompletableFuture<List<Object>>> saved = redis.startEach(saves);
        List<DirectoryCalls.IndexInstance> indexes = new ArrayList<>(instances.size());
        RuntimeException refusal = null;
        for (int i = 0; i < instances.size(); i++) {
            MeetingInstance instance = instances.get(i);
            List<Object> reply = redis.await(saved.get(i));
            switch (Replies.status(reply)) {
                case "OK" -> {
                    if ("0".equals(Replies.string(reply, 1))) {
                        indexes.add(new DirectoryCalls.IndexInstance(
                                keys.instanceIndex(), instance, Replies.string(reply, 2)));
                    }
                }
                case "UNKNOWN_MEETING" ->
                    refusal = refusal != null ? refusal : new UnknownMeetingException(instance.meeting());
                case "OVERLAP" ->
                    refusal = refusal != null
                            ? refusal
                            : InvalidInputException.overlap(
                                    instance,
                                    new MeetingInstance(
                                            instance.meeting(),
                                            Integer.parseInt(Replies.string(reply, 1)),
                                            Micros.parse(Replies.string(reply, 2)),
                                            Micros.parse(Replies.string(reply, 3))));
                default -> throw Replies.unexpected(reply);
            }
        }
        awaitAll(redis.startEach(indexes));
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public List<MeetingInstance> instances(MeetingId meeting) {
        Objects.requireNonNull(meeting, "meeting id");
        MeetingKeys meetingKeys = keys.meeting(meeting);
        List<Object> reply = redis.run(Scripts.INSTANCES, new String[] {meetingKeys.starts(), meetingKeys.ends()});
        List<MeetingInstance> out = new ArrayList<>(reply.size() / 3);
        for (int i = 0; i < reply.size(); i += 3) {
            out.add(new MeetingInstance(
                    meeting,
                    Integer.parseInt((String) reply.get(i)),
                    Micros.parse((String) reply.get(i + 1)),
                    Micros.parse((String) reply.get(i + 2))));
        }
        return out;
    }

    @Override
    public boolean deleteInstance(MeetingId meeting, int instance) {
        Objects.requireNonNull(meeting, "meeting id");
        MeetingKeys meetingKeys = keys.meeting(meeting);
        String n = Integer.toString(instance);
        String[] doomed = {
            meetingKeys.starts(),
            meetingKeys.ends(),
            meetingKeys.ended(),
            meetingKeys.started(),
            meetingKeys.closing(),
            meetingKeys.meeting(),
            meetingKeys.participants(n),
            meetingKeys.events(n),
            meetingKeys.chat(n),
            meetingKeys.leases(n),
            meetingKeys.imported(n),
            meetingKeys.banned(n),
            meetingKeys.attributes(n)
        };
        new IndexCalls.Unindex(keys.instanceIndex(), IndexMember.of(meeting, instance)).run(redis);
        List<Object> reply = redis.run(Scripts.DELETE_INSTANCE, doomed, n);
        return ((Long) reply.get(0)) > 0;
    }

    private void awaitAll(List<? extends CompletableFuture<?>> pending) {
        for (CompletableFuture<?> future : pending) {
            redis.await(future);
        }
    }
}
