package dev.conference.redis;

import dev.conference.model.ChatMessage;
import dev.conference.model.Ending;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.Conference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The blocking face of the asynchronous port: each call waits for its answer. */
final class RedisConference implements Conference {
    private final AsyncConference async;
    private final RedisGateway redis;

    RedisConference(AsyncConference async, RedisGateway redis) {
        this.async = async;
        this.redis = redis;
    }

    @Override
    public Participant join(UserId user, MeetingId meeting, IdempotencyKey key) {
        return redis.await(async.join(user, meeting, key));
    }

    @Override
    public Participant join(UserId user, MeetingId meeting, Duration lease, IdempotencyKey key) {
        return redis.await(async.join(user, meeting, lease, key));
    }

    @Override
    public void renew(UserId user, MeetingId meeting, Duration lease) {
        redis.await(async.renew(user, meeting, lease));
    }

    @Override
    public void leave(UserId user, MeetingId meeting, IdempotencyKey key) {
        redis.await(async.leave(user, meeting, key));
    }

    @Override
    public List<Participant> participants(MeetingId meeting) {
        return redis.await(async.participants(meeting));
    }

    @Override
    public void remove(UserId user, MeetingId meeting, boolean ban, IdempotencyKey key) {
        redis.await(async.remove(user, meeting, ban, key));
    }

    @Override
    public Participant update(
            UserId user, MeetingId meeting, java.util.Map<String, String> changes, IdempotencyKey key) {
        return redis.await(async.update(user, meeting, changes, key));
    }

    @Override
    public List<Participant> participants(MeetingId meeting, Page page) {
        return redis.await(async.participants(meeting, page));
    }

    @Override
    public List<MeetingInstance> activeMeetings(Page page) {
        return redis.await(async.activeMeetings(page));
    }

    @Override
    public List<MeetingParticipants> joinTimes(Page page) {
        return redis.await(async.joinTimes(page));
    }

    @Override
    public int participantCount(MeetingId meeting) {
        return redis.await(async.participantCount(meeting));
    }

    @Override
    public List<MeetingInstance> activeMeetings() {
        return redis.await(async.activeMeetings());
    }

    @Override
    public Optional<Ending> end(MeetingId meeting, IdempotencyKey key) {
        return redis.await(async.end(meeting, key));
    }

    @Override
    public ChatMessage post(UserId user, MeetingId meeting, String text, IdempotencyKey key) {
        return redis.await(async.post(user, meeting, text, key));
    }

    @Override
    public List<ChatMessage> chat(MeetingId meeting) {
        return redis.await(async.chat(meeting));
    }

    @Override
    public List<ChatMessage> chat(MeetingId meeting, Page page) {
        return redis.await(async.chat(meeting, page));
    }

    @Override
    public List<ChatMessage> chat(MeetingId meeting, int instance, Page page) {
        return redis.await(async.chat(meeting, instance, page));
    }

    @Override
    public List<MeetingParticipants> joinTimes() {
        return redis.await(async.joinTimes());
    }

    @Override
    public List<ChatMessage> messages(MeetingId meeting, UserId user) {
        return redis.await(async.messages(meeting, user));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meeting) {
        return redis.await(async.events(meeting));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meeting, Page page) {
        return redis.await(async.events(meeting, page));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meeting, int instance) {
        return redis.await(async.events(meeting, instance));
    }

    @Override
    public List<MeetingEvent> events(MeetingId meeting, int instance, Page page) {
        return redis.await(async.events(meeting, instance, page));
    }
}
