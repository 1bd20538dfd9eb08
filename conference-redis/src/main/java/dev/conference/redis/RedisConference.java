package dev.conference.redis;

import dev.conference.model.AlreadyParticipantException;
import dev.conference.model.ChatMessage;
import dev.conference.model.Email;
import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.NotAllowedException;
import dev.conference.model.NotParticipantException;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.StoreException;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import dev.conference.port.Conference;
import dev.conference.redis.Keys.MeetingKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The live operations on Redis. Each changing operation is one Lua script over the keys of one
 * meeting (one hash tag), so it is atomic on a single server and on a cluster alike.
 */
final class RedisConference implements Conference {
    private static final int MAX_RETRIES = 5;
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    private static final String ALL = Integer.toString(Integer.MAX_VALUE);

    private final RedisGateway redis;
    private final Keys keys;
    private final Clock clock;
    private final CurrentInstances current = new CurrentInstances();

    RedisConference(RedisGateway redis, Keys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /** A script over one meeting's keys that may ask to be run again for another instance. */
    @FunctionalInterface
    private interface MeetingCall {
        List<Object> run(MeetingKeys keys, String order);
    }

    /** Runs {@code call} for the instance the meeting is on now, following RETRY answers. */
    private List<Object> onCurrent(MeetingId meeting, MeetingCall call) {
        MeetingKeys meetingKeys = keys.meeting(meeting);
        String order = current.guess(meeting);
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            List<Object> reply = call.run(meetingKeys, order);
            String status = Replies.status(reply);
            if (status.equals("RETRY")) {
                order = Replies.string(reply, 1);
                current.remember(meeting, order);
            } else if (status.equals("UNKNOWN_MEETING")) {
                throw new UnknownMeetingException(meeting);
            } else {
                return reply;
            }
        }
        throw new StoreException("the schedule of meeting '" + meeting + "' changed " + MAX_RETRIES
                + " times during one operation; try again", null);
    }

    private String now() {
        return Micros.of(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public Participant join(UserId user, MeetingId meeting) {
        Objects.requireNonNull(meeting, "meeting id");
        String email = redis.call(r -> r.hget(keys.user(Objects.requireNonNull(user, "user id")), "email"));
        if (email == null) {
            throw new UnknownUserException(user);
        }
        String now = now();
        String[] order = new String[1];
        List<Object> reply = onCurrent(meeting, (k, n) -> {
            order[0] = n;
            return redis.run(Scripts.JOIN, new String[] {k.meeting(), k.audience(), k.starts(), k.ends(), k.ended(),
                    k.participants(n), k.events(n)}, now, n, user.value(), Email.normalize(email));
        });
        switch (Replies.status(reply)) {
            case "OK" -> {
                return new Participant(user, Micros.parse(now));
            }
            case "NOT_ACTIVE" -> throw new MeetingNotActiveException(meeting);
            case "NOT_ALLOWED" -> throw new NotAllowedException(user, meeting);
            case "ALREADY_IN" -> throw new AlreadyParticipantException(user, meeting);
            default -> throw unexpected(reply);
        }
    }

    @Override
    public void leave(UserId user, MeetingId meeting) {
        Objects.requireNonNull(user, "user id");
        String now = now();
        List<Object> reply = onCurrent(meeting, (k, n) -> redis.run(Scripts.LEAVE,
                new String[] {k.meeting(), k.starts(), k.ends(), k.ended(), k.participants(n), k.events(n)},
                now, n, user.value()));
        switch (Replies.status(reply)) {
            case "OK" -> {
            }
            case "NOT_ACTIVE" -> throw refusal(user, new MeetingNotActiveException(meeting));
            case "NOT_IN" -> throw refusal(user, new NotParticipantException(user, meeting));
            default -> throw unexpected(reply);
        }
    }

    @Override
    public List<Participant> participants(MeetingId meeting) {
        List<Object> reply = onCurrent(meeting, (k, n) -> redis.run(Scripts.PARTICIPANTS,
                new String[] {k.meeting(), k.starts(), k.ends(), k.ended(), k.participants(n)}, now(), n));
        return Replies.status(reply).equals("OK") ? participants(reply) : List.of();
    }

    private static List<Participant> participants(List<Object> reply) {
        List<Participant> out = new ArrayList<>(reply.size() / 2);
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            out.add(new Participant(UserId.of((String) reply.get(i)), Micros.parse((String) reply.get(i + 1))));
        }
        return out;
    }

    @Override
    public List<MeetingInstance> activeMeetings() {
        List<Object> reply = redis.run(Scripts.ACTIVE, keys.instanceIndex(), now());
        List<MeetingInstance> out = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            IndexMember member = IndexMember.parse((String) reply.get(i));
            String span = (String) reply.get(i + 1);
            int bar = span.indexOf('|');
            out.add(new MeetingInstance(member.meeting(), member.order(),
                    Micros.parse(span.substring(0, bar)), Micros.parse(span.substring(bar + 1))));
        }
        return out;
    }

    @Override
    public List<TimedOut> end(MeetingId meeting) {
        String now = now();
        String[] order = new String[1];
        List<Object> reply = onCurrent(meeting, (k, n) -> {
            order[0] = n;
            return redis.run(Scripts.END_ACTIVE,
                    new String[] {k.meeting(), k.starts(), k.ends(), k.ended(), k.participants(n), k.events(n)},
                    now, n);
        });
        if (!Replies.status(reply).equals("OK")) {
            return List.of();
        }
        int instance = Integer.parseInt(order[0]);
        redis.run(Scripts.UNINDEX_INSTANCE, keys.instanceIndex(), IndexMember.of(meeting, instance));
        Instant at = Micros.parse(now);
        List<TimedOut> out = new ArrayList<>();
        for (int i = 2; i + 1 < reply.size(); i += 2) {
            out.add(new TimedOut((String) reply.get(i), meeting, instance, UserId.of((String) reply.get(i + 1)), at));
        }
        return List.copyOf(out);
    }

    @Override
    public ChatMessage post(UserId user, MeetingId meeting, String text) {
        Objects.requireNonNull(user, "user id");
        ChatMessage.requireText(text);
        String now = now();
        String[] order = new String[1];
        List<Object> reply = onCurrent(meeting, (k, n) -> {
            order[0] = n;
            return redis.run(Scripts.POST, new String[] {k.meeting(), k.starts(), k.ends(), k.ended(),
                    k.participants(n), k.chat(n), k.messagesOf(n, user), k.posters(n)}, now, n, user.value(), text);
        });
        switch (Replies.status(reply)) {
            case "OK" -> {
                return new ChatMessage(Replies.string(reply, 1), meeting, Integer.parseInt(order[0]), user, text,
                        Micros.parse(now));
            }
            case "NOT_ACTIVE" -> throw refusal(user, new MeetingNotActiveException(meeting));
            case "NOT_IN" -> throw refusal(user, new NotParticipantException(user, meeting));
            default -> throw unexpected(reply);
        }
    }

    @Override
    public List<ChatMessage> chat(MeetingId meeting) {
        return chat(meeting, null, ALL);
    }

    @Override
    public List<ChatMessage> chat(MeetingId meeting, Page page) {
        return chat(meeting, cursor(page), Integer.toString(page.limit()));
    }

    private List<ChatMessage> chat(MeetingId meeting, String after, String limit) {
        String[] order = new String[1];
        List<Object> reply = readLatest(meeting, order, MeetingKeys::chat, after, limit);
        return Replies.messages(reply, 1, meeting, Integer.parseInt(order[0]));
    }

    @Override
    public List<ChatMessage> chat(MeetingId meeting, int instance, Page page) {
        List<Object> reply = readInstance(meeting, keys.meeting(meeting).chat(Integer.toString(instance)),
                cursor(page), Integer.toString(page.limit()));
        return Replies.messages(reply, 1, meeting, instance);
    }

    @Override
    public List<MeetingParticipants> joinTimes() {
        List<MeetingInstance> active = activeMeetings();
        String now = now();
        List<CompletableFuture<List<Object>>> pending = new ArrayList<>(active.size());
        for (MeetingInstance instance : active) {
            MeetingKeys k = keys.meeting(instance.meeting());
            String n = Integer.toString(instance.order());
            pending.add(redis.start(Scripts.PARTICIPANTS,
                    new String[] {k.meeting(), k.starts(), k.ends(), k.ended(), k.participants(n)}, now, n));
        }
        List<MeetingParticipants> out = new ArrayList<>(active.size());
        for (int i = 0; i < active.size(); i++) {
            List<Object> reply = redis.await(pending.get(i));
            // An instance ended or moved since the index was read is no longer active: leave it out.
            if (Replies.status(reply).equals("OK")) {
                MeetingInstance instance = active.get(i);
                out.add(new MeetingParticipants(instance.meeting(), instance.order(), participants(reply)));
            }
        }
        return out;
    }

    @Override
    public List<ChatMessage> messages(MeetingId meeting, UserId user) {
        Objects.requireNonNull(user, "user id");
        var exists = redis.start(r -> r.exists(keys.user(user)));
        String[] order = new String[1];
        List<Object> reply = onCurrent(meeting, (k, n) -> {
            order[0] = n;
            return redis.run(Scripts.MESSAGES, new String[] {k.meeting(), k.starts(), k.ends(), k.ended(), k.chat(n),
                    k.messagesOf(n, user)}, now(), n);
        });
        if (redis.await(exists) == 0) {
            throw new UnknownUserException(user);
        }
        if (Replies.status(reply).equals("NOT_ACTIVE")) {
            throw new MeetingNotActiveException(meeting);
        }
        return Replies.messages(reply, 1, meeting, Integer.parseInt(order[0]));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meeting) {
        String[] order = new String[1];
        List<Object> reply = readLatest(meeting, order, MeetingKeys::events, null, ALL);
        return Replies.events(reply, 1, meeting, Integer.parseInt(order[0]));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meeting, int instance) {
        List<Object> reply = readInstance(meeting, keys.meeting(meeting).events(Integer.toString(instance)), null, ALL);
        return Replies.events(reply, 1, meeting, instance);
    }

    /** Which stream of an instance to read. */
    private interface StreamOf {
        String key(MeetingKeys keys, String order);
    }

    private List<Object> readLatest(MeetingId meeting, String[] order, StreamOf stream, String after, String limit) {
        String now = now();
        return onCurrent(meeting, (k, n) -> {
            order[0] = n;
            return redis.run(Scripts.READ_LATEST, new String[] {k.meeting(), k.starts(), stream.key(k, n)},
                    now, n, after == null ? "" : after, limit);
        });
    }

    private List<Object> readInstance(MeetingId meeting, String stream, String after, String limit) {
        List<Object> reply = redis.run(Scripts.READ_INSTANCE, new String[] {keys.meeting(meeting).meeting(), stream},
                after == null ? "" : after, limit);
        if (Replies.status(reply).equals("UNKNOWN_MEETING")) {
            throw new UnknownMeetingException(meeting);
        }
        return reply;
    }

    private static String cursor(Page page) {
        Objects.requireNonNull(page, "page");
        if (page.after() != null && !STREAM_ID.matcher(page.after()).matches()) {
            throw new InvalidInputException("page cursor is not a message id: " + page.after());
        }
        return page.after();
    }

    /** A refusal stands, unless the user does not exist at all: that is the clearer answer. */
    private RuntimeException refusal(UserId user, RuntimeException refusal) {
        return redis.call(r -> r.exists(keys.user(user))) == 0 ? new UnknownUserException(user) : refusal;
    }

    private static IllegalStateException unexpected(List<Object> reply) {
        return new IllegalStateException("unexpected script reply " + reply);
    }
}
