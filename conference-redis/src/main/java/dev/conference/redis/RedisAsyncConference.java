package dev.conference.redis;

import dev.conference.model.ActiveCursor;
import dev.conference.model.ChatMessage;
import dev.conference.model.Ending;
import dev.conference.model.IdempotencyKey;
import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingNotActiveException;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.OutcomeUnknownException;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.ParticipantAttributes;
import dev.conference.model.ParticipantCursor;
import dev.conference.model.PresenceLease;
import dev.conference.model.StoreException;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.UnknownUserException;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.redis.Keys.MeetingKeys;
import dev.conference.redis.MeetingCalls.EndStep;
import dev.conference.redis.MeetingCalls.Joined;
import dev.conference.redis.MeetingCalls.MessagesPage;
import dev.conference.redis.UserCalls.Noted;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ZAddArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The live operations on Redis, without blocking. Each changing operation is one Lua script over the
 * keys of one meeting (one hash tag), so it is atomic on a single server and on a cluster alike.
 * {@link RedisConference} is the blocking face of this class.
 */
final class RedisAsyncConference implements AsyncConference {
    private static final int MAX_RETRIES = 5;
    private static final String ALL = Integer.toString(Integer.MAX_VALUE);
    /** Active instances read per call: a page takes the server well under a millisecond. */
    private static final int ACTIVE_PAGE = 1_000;

    private final RedisGateway redis;
    private final Keys keys;
    private final ScriptTime time;
    private final CurrentInstances current = new CurrentInstances();
    private final RecentNotes notes = new RecentNotes();
    private final InstancePromotion promotion;
    /** How long a script's reply is kept for a re-sent command: longer than a command can wait. */
    private final String replayWindow;

    private final String retentionMillis;
    private final Metrics metrics;

    RedisAsyncConference(
            RedisGateway redis,
            Keys keys,
            ScriptTime time,
            Duration replayWindow,
            Duration retention,
            Metrics metrics) {
        this.redis = redis;
        this.metrics = metrics;
        this.keys = keys;
        this.time = time;
        this.retentionMillis = Long.toString(retention.toMillis());
        this.replayWindow = micros(replayWindow);
        this.promotion = new InstancePromotion(redis, keys);
    }

    /**
     * The id a changing operation runs under, kept across its RETRY attempts and re-sends. A fresh
     * key is 128 random bits (from the system's entropy, so JVMs restored from one snapshot never
     * share one); a caller's key is scoped to the operation, so one key used for a post and a leave names
     * two operations. Replies live in the meeting's keys, so a key is scoped to the meeting too.
     */
    private static String operationId(String operation, IdempotencyKey key) {
        Objects.requireNonNull(key, "idempotency key");
        return key.chosenByCaller() ? operation + ":" + key.value() : key.value();
    }

    /** How long a reply is kept (µs): the replay window, or as long as a caller's key is remembered. */
    private String keptFor(IdempotencyKey key) {
        return key.chosenByCaller() ? KEY_KEPT : replayWindow;
    }

    private static final String KEY_KEPT = micros(IdempotencyKey.REMEMBERED);

    /**
     * Whether a change's command may have run already, for its script (see open_change in
     * prelude.lua): a caller's key may come again after any outcome; a fresh operation id only with
     * Lettuce's own re-send, which its mark tells. One mark per command, so call this per attempt.
     */
    private static String again(IdempotencyKey key) {
        return key.chosenByCaller() ? ResendMarks.MAYBE_RAN : ResendMarks.fresh();
    }

    /**
     * A change whose command timed out may still be applied by the server (it was sent): its caller
     * gets an {@link OutcomeUnknownException} and can retry with the same idempotency key.
     */
    private static <T> CompletableFuture<T> changing(String operation, CompletableFuture<T> pending) {
        return pending.exceptionallyCompose(failure -> {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof StoreException store
                    && !(cause instanceof OutcomeUnknownException)
                    && store.getCause() instanceof RedisCommandTimeoutException) {
                return CompletableFuture.failedFuture(new OutcomeUnknownException(
                        store.getMessage() + "; the " + operation
                                + " may have been applied: retry it with the same idempotency key",
                        store));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** A script over one meeting's keys, for the instance {@code order}, that may answer RETRY. */
    @FunctionalInterface
    private interface MeetingCall<T> {
        CompletableFuture<Answer<T>> run(MeetingKeys keys, String order);
    }

    /** A script's result together with the instance it ran on. */
    private record OnInstance<T>(T result, String order) {
        int instance() {
            return Integer.parseInt(order);
        }
    }

    /** Runs {@code call} on the instance the meeting is on now, following RETRY answers. */
    private <T> CompletableFuture<OnInstance<T>> onCurrent(String operation, MeetingId meeting, MeetingCall<T> call) {
        Objects.requireNonNull(meeting, "meeting id");
        return attempt(operation, meeting, keys.meeting(meeting), current.guess(meeting), call, 1);
    }

    private <T> CompletableFuture<OnInstance<T>> attempt(
            String operation,
            MeetingId meeting,
            MeetingKeys meetingKeys,
            String order,
            MeetingCall<T> call,
            int attempt) {
        return call.run(meetingKeys, order).thenCompose(answer -> {
            if (answer instanceof Answer.Result<T> result) {
                return CompletableFuture.completedFuture(new OnInstance<>(result.value(), order));
            }
            if (!(answer instanceof Answer.Retry<T> retry)) {
                throw new UnknownMeetingException(meeting);
            }
            current.remember(meeting, retry.instance());
            if (attempt == MAX_RETRIES) {
                throw new StoreException(
                        "the schedule of meeting '" + meeting + "' changed " + MAX_RETRIES
                                + " times during one operation; try again",
                        null);
            }
            metrics.retried(operation);
            return attempt(operation, meeting, meetingKeys, retry.instance(), call, attempt + 1);
        });
    }

    /**
     * What a leave, post or renew did; its refusal stands as a failed future, unless the user does
     * not exist (see {@link #refusal}).
     */
    private <T> CompletableFuture<T> doneOrRefused(Change<T> change, UserId user, MeetingId meeting) {
        if (change instanceof Change.Refused<T> refused) {
            return refusal(user, refused.exception(user, meeting));
        }
        return CompletableFuture.completedFuture(((Change.Done<T>) change).value());
    }

    private static String micros(Duration length) {
        return Long.toString(length.toNanos() / 1_000);
    }

    @Override
    public CompletableFuture<Participant> join(UserId user, MeetingId meeting, IdempotencyKey key) {
        return joinWith(user, meeting, null, key);
    }

    @Override
    public CompletableFuture<Participant> join(UserId user, MeetingId meeting, Duration lease, IdempotencyKey key) {
        return joinWith(user, meeting, PresenceLease.require(lease), key);
    }

    /** Joins, with a presence lease when {@code lease} is not null. */
    private CompletableFuture<Participant> joinWith(
            UserId user, MeetingId meeting, Duration lease, IdempotencyKey key) {
        Objects.requireNonNull(user, "user id");
        Objects.requireNonNull(meeting, "meeting id");
        String at = time.now();
        String leaseLength = lease == null ? "" : micros(lease);
        String op = operationId("join", key);
        return changing(
                "join",
                onCurrent(
                                "join",
                                meeting,
                                (k, n) -> noteJoined(user, meeting, n)
                                        .thenCompose(life -> new MeetingCalls.Join(
                                                        k,
                                                        n,
                                                        at,
                                                        op,
                                                        keptFor(key),
                                                        user,
                                                        life.email(),
                                                        leaseLength,
                                                        life.life(),
                                                        again(key))
                                                .answer(redis))
                                        .thenCompose(answer -> answer instanceof Answer.Result<Change<Joined>> result
                                                        && result.value() instanceof Change.Done<Joined> done
                                                ? indexLease(lease, meeting, n, user, leaseEnd(done.value(), lease))
                                                        .thenApply(indexed -> answer)
                                                : CompletableFuture.completedFuture(answer)))
                        .thenApply(done -> new Participant(
                                user, done.result().orThrow(user, meeting).at())));
    }

    /** When the lease of {@code joined} ends: its join time plus the lease. */
    private static String leaseEnd(Joined joined, Duration lease) {
        return lease == null ? "" : Micros.of(joined.at().plus(lease));
    }

    /**
     * The user's half of a join: the user must exist, and the instance is noted in their hash before
     * the meeting's half runs, so deleteUser always finds it. One plain read tells both, and a user
     * joins the same instance again often (after leaving, reconnecting, a lease lapsing), so only a
     * first join runs note-joined.lua, which notes it in one step with checking that the user still
     * exists; one this JVM has not seen noted runs note-joined.lua at once (RecentNotes). A note read
     * here can only go with the user's erasure, whose marker then refuses the meeting's half
     * (join.lua), as it refuses one that passed note-joined.lua before the erasure. A refused join
     * keeps its note: deleteUser then visits an instance that holds nothing of theirs.
     */
    private CompletableFuture<Noted> noteJoined(UserId user, MeetingId meeting, String order) {
        String userKey = keys.user(user);
        if (order.equals(CurrentInstances.NONE)) {
            // No instance has started: nothing to note, the meeting's half refuses the join.
            return redis.hmget(userKey, Profile.EMAIL, Profile.PACKED, "life").thenApply(read -> noted(user, read));
        }
        String member = IndexMember.of(meeting, Integer.parseInt(order));
        UserCalls.NoteJoined note = new UserCalls.NoteJoined(userKey, member);
        if (!notes.likely(userKey, member)) {
            return noteJoined(note, user);
        }
        return redis.hmget(userKey, Profile.EMAIL, Profile.PACKED, "life", member)
                .thenCompose(read -> {
                    Noted noted = noted(user, read);
                    return read.get(3).hasValue() ? CompletableFuture.completedFuture(noted) : noteJoined(note, user);
                });
    }

    private CompletableFuture<Noted> noteJoined(UserCalls.NoteJoined call, UserId user) {
        return call.start(redis).thenApply(reply -> {
            Noted noted = call.decode(reply).orElseThrow(() -> new UnknownUserException(user));
            notes.saw(call.user(), call.member());
            return noted;
        });
    }

    /** The user's email and life from {@code read} (HMGET email p life ...: see Profile). */
    private static Noted noted(UserId user, List<KeyValue<String, String>> read) {
        if (!read.get(0).hasValue()) {
            throw new UnknownUserException(user);
        }
        return Noted.of(
                read.get(0).getValue(),
                Profile.life(read.get(1).getValueOrElse(null), read.get(2).getValueOrElse(null)));
    }

    /**
     * Puts a new lease in the lease index, after the meeting's script set it, and only ever earlier
     * (ZADD LT): the index never says "later" than the truth, and a refused join writes nothing. A
     * write lost here (the caller gave up, the node failed over) is put back by the scheduler's
     * repair walk (RedisLifecycle.repair).
     */
    private CompletableFuture<?> indexLease(
            Duration lease, MeetingId meeting, String order, UserId user, String leaseEnd) {
        if (lease == null || order.equals(CurrentInstances.NONE)) {
            return CompletableFuture.completedFuture(null);
        }
        String member = new LeaseMember(meeting, Integer.parseInt(order), user).encode();
        return redis.start(r -> r.zadd(keys.leaseIndex(), ZAddArgs.Builder.lt(), Double.parseDouble(leaseEnd), member));
    }

    @Override
    public CompletableFuture<Void> renew(UserId user, MeetingId meeting, Duration lease) {
        Objects.requireNonNull(user, "user id");
        PresenceLease.require(lease);
        String now = time.now();
        return userFirst(
                user,
                onCurrent(
                                "renew",
                                meeting,
                                (k, n) -> new MeetingCalls.Renew(k, n, now, user, micros(lease)).answer(redis))
                        .thenCompose(done -> doneOrRefused(done.result(), user, meeting)
                                // A later lease needs no index write: the entry already there is earlier, which is
                                // all the index promises, and the scheduler moves it when it comes due. So
                                // heartbeats touch the meeting's slot only. A first lease, or one renewed for less
                                // than it had left, is indexed after it is set (only ever earlier: ZADD LT).
                                .thenCompose(sooner -> sooner.isEmpty()
                                        ? CompletableFuture.<Void>completedFuture(null)
                                        : indexLease(lease, meeting, done.order(), user, sooner.get())
                                                .<Void>thenApply(ok -> null))));
    }

    @Override
    public CompletableFuture<Void> leave(UserId user, MeetingId meeting, IdempotencyKey key) {
        Objects.requireNonNull(user, "user id");
        String now = time.now();
        String op = operationId("leave", key);
        return participantChange(
                "leave",
                user,
                meeting,
                (k, n) -> new MeetingCalls.Leave(k, n, now, op, keptFor(key), user, again(key)).answer(redis),
                left -> null);
    }

    @Override
    public CompletableFuture<Void> remove(UserId user, MeetingId meeting, boolean ban, IdempotencyKey key) {
        Objects.requireNonNull(user, "user id");
        String now = time.now();
        String op = operationId("remove", key);
        return participantChange(
                "remove",
                user,
                meeting,
                (k, n) -> new MeetingCalls.Remove(k, n, now, op, keptFor(key), user, ban, again(key)).answer(redis),
                removed -> null);
    }

    @Override
    public CompletableFuture<Participant> update(
            UserId user, MeetingId meeting, Map<String, String> changes, IdempotencyKey key) {
        Objects.requireNonNull(user, "user id");
        Objects.requireNonNull(changes, "attributes");
        Map<String, String> checked = ParticipantAttributes.changes(changes);
        String now = time.now();
        String op = operationId("update", key);
        return participantChange(
                "update",
                user,
                meeting,
                (k, n) -> new MeetingCalls.Update(k, n, now, op, keptFor(key), user, checked, again(key)).answer(redis),
                updated -> new Participant(user, updated.joinedAt(), updated.attributes()));
    }

    /**
     * A change of one participant's (leave, remove, update): the script on the current instance, its
     * result as {@code answer} reads it, its refusal as a failed future (see {@link #doneOrRefused}),
     * an unknown outcome told as such.
     */
    private <T, R> CompletableFuture<R> participantChange(
            String operation, UserId user, MeetingId meeting, MeetingCall<Change<T>> call, Function<T, R> answer) {
        return changing(
                operation,
                userFirst(
                        user,
                        onCurrent(operation, meeting, call)
                                .thenCompose(done -> doneOrRefused(done.result(), user, meeting))
                                .thenApply(answer)));
    }

    @Override
    public CompletableFuture<List<Participant>> participants(MeetingId meeting) {
        String now = time.now();
        return onCurrent("participants", meeting, (k, n) -> new MeetingCalls.Participants(k, n, now).answer(redis))
                .thenApply(done -> done.result().orElse(List.of()));
    }

    @Override
    public CompletableFuture<List<Participant>> participants(MeetingId meeting, Page page) {
        Objects.requireNonNull(page, "page");
        ParticipantCursor after = page.after() == null ? null : ParticipantCursor.parse(page.after());
        String now = time.now();
        return onCurrent(
                        "participants",
                        meeting,
                        (k, n) -> new MeetingCalls.Participants(k, n, now, after, page.limit()).answer(redis))
                .thenApply(done -> done.result().orElse(List.of()));
    }

    @Override
    public CompletableFuture<Integer> participantCount(MeetingId meeting) {
        String now = time.now();
        return onCurrent(
                        "participantCount",
                        meeting,
                        (k, n) -> new MeetingCalls.ParticipantCount(k, n, now).answer(redis))
                .thenApply(OnInstance::result);
    }

    @Override
    public CompletableFuture<List<MeetingInstance>> activeMeetings() {
        String now = time.now();
        List<MeetingInstance> out = new ArrayList<>();
        return promotion
                .promoteDue(now)
                .thenCompose(promoted -> activeFrom(now, "", 0, out))
                .thenApply(ignored -> {
                    // Those that end together in meeting id order, as in every store.
                    out.sort(Comparator.comparing(ActiveCursor::of));
                    return out;
                });
    }

    @Override
    public CompletableFuture<List<MeetingInstance>> activeMeetings(Page page) {
        Objects.requireNonNull(page, "page");
        ActiveCursor after = page.after() == null ? null : ActiveCursor.parse(page.after());
        String now = time.now();
        List<MeetingInstance> out = new ArrayList<>();
        // From the cursor's end on (the index's score of an active instance is its `to`), until the
        // page is full and every instance of its last `to` is in: those are ordered by meeting id here,
        // where the index orders them by member ("n|meeting id").
        Predicate<String> enough = lastScore -> {
            List<MeetingInstance> kept = inOrderAfter(out, after);
            return kept.size() >= page.limit()
                    && Double.parseDouble(lastScore)
                            > ActiveCursor.of(kept.get(page.limit() - 1)).to();
        };
        return promotion
                .promoteDue(now)
                .thenCompose(promoted -> activeFrom(
                        now,
                        after == null ? "" : Long.toString(after.to()),
                        0,
                        out,
                        // The size of the page (and one more, to see past its last `to`) a call.
                        Math.min(ACTIVE_PAGE, page.limit() + 1),
                        enough))
                .thenApply(ignored -> {
                    List<MeetingInstance> kept = inOrderAfter(out, after);
                    return List.copyOf(kept.subList(0, Math.min(page.limit(), kept.size())));
                });
    }

    /** {@code instances} after {@code after} (all when it is null), in the order of activeMeetings. */
    private static List<MeetingInstance> inOrderAfter(List<MeetingInstance> instances, ActiveCursor after) {
        return instances.stream()
                .filter(instance -> after == null || ActiveCursor.of(instance).compareTo(after) > 0)
                .sorted(Comparator.comparing(ActiveCursor::of))
                .toList();
    }

    private CompletableFuture<Void> activeFrom(String at, String lowest, int seen, List<MeetingInstance> out) {
        return activeFrom(at, lowest, seen, out, ACTIVE_PAGE, lastScore -> false);
    }

    /**
     * Reads the active set page by page (active.lua) from the cursor (lowest score, members of it
     * seen), every page at the time the first one ran at, until it is through or {@code enough} says
     * so of the last score read.
     */
    private CompletableFuture<Void> activeFrom(
            String at, String lowest, int seen, List<MeetingInstance> out, int size, Predicate<String> enough) {
        IndexCalls.Active call = new IndexCalls.Active(keys.instanceIndex(), at, lowest, seen, size);
        return call.start(redis).thenApply(call::decode).thenCompose(page -> {
            Instant now = Micros.parse(page.ranAt());
            String last = lowest;
            int ofLast = seen;
            for (IndexCalls.ActiveEntry entry : page.entries()) {
                ofLast = entry.score().equals(last) ? ofLast + 1 : 1;
                last = entry.score();
                if (entry.span().isEmpty()) {
                    continue;
                }
                IndexMember member = IndexMember.parse(entry.member());
                int bar = entry.span().indexOf('|');
                MeetingInstance instance = new MeetingInstance(
                        member.meeting(),
                        member.instance(),
                        Micros.parse(entry.span().substring(0, bar)),
                        Micros.parse(entry.span().substring(bar + 1)));
                // A member claimed by a scheduler sits past its `to` until it is ended.
                if (instance.spans(now)) {
                    out.add(instance);
                }
            }
            return page.entries().size() < size || enough.test(last)
                    ? CompletableFuture.<Void>completedFuture(null)
                    : activeFrom(page.ranAt(), last, ofLast, out, size, enough);
        });
    }

    @Override
    public CompletableFuture<Optional<Ending>> end(MeetingId meeting, IdempotencyKey key) {
        String now = time.now();
        String op = operationId("end", key);
        String keep = keptFor(key);
        return changing(
                "end",
                onCurrent("end", meeting, (k, n) -> endActive(k, n, now, op, keep, key))
                        .thenCompose(done -> {
                            if (!(done.result() instanceof MeetingCalls.Ended ended)) {
                                return CompletableFuture.completedFuture(Optional.<Ending>empty());
                            }
                            Ending ending = new Ending(meeting, done.instance(), ended.at(), ended.timedOut());
                            return new IndexCalls.Unindex(
                                            keys.instanceIndex(), IndexMember.of(meeting, done.instance()))
                                    .start(redis)
                                    .thenApply(ignored -> Optional.of(ending));
                        }));
    }

    /** One call of end-active.lua per batch of participants, under one operation id, until it is done. */
    private CompletableFuture<Answer<EndStep>> endActive(
            MeetingKeys k, String n, String now, String op, String keep, IdempotencyKey key) {
        return new MeetingCalls.EndActive(k, n, now, op, keep, retentionMillis, again(key))
                .answer(redis)
                .thenCompose(answer ->
                        answer instanceof Answer.Result<EndStep> result && result.value() instanceof MeetingCalls.More
                                ? endActive(k, n, now, op, keep, key)
                                : CompletableFuture.completedFuture(answer));
    }

    @Override
    public CompletableFuture<ChatMessage> post(UserId user, MeetingId meeting, String text, IdempotencyKey key) {
        Objects.requireNonNull(user, "user id");
        ChatMessage.requireText(Objects.requireNonNull(text, "text"));
        String now = time.now();
        String op = operationId("post", key);
        return changing(
                "post",
                userFirst(
                        user,
                        onCurrent(
                                        "post",
                                        meeting,
                                        (k, n) -> new MeetingCalls.Post(
                                                        k, n, now, op, keptFor(key), user, text, again(key))
                                                .answer(redis))
                                .thenCompose(done -> doneOrRefused(done.result(), user, meeting)
                                        .thenApply(posted -> new ChatMessage(
                                                posted.id(), meeting, done.instance(), user, text, posted.at())))));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> chat(MeetingId meeting, Page page) {
        return chat(meeting, cursor(page), Integer.toString(page.limit()));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> chat(MeetingId meeting) {
        return chat(meeting, null, ALL);
    }

    private CompletableFuture<List<ChatMessage>> chat(MeetingId meeting, String after, String limit) {
        return readLatest("chat", meeting, MeetingKeys::chat, after, limit)
                .thenApply(done -> Replies.messages(done.result(), 0, meeting, done.instance()));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> chat(MeetingId meeting, int instance, Page page) {
        return readInstance(
                        meeting,
                        keys.meeting(meeting).chat(Integer.toString(instance)),
                        cursor(page),
                        Integer.toString(page.limit()))
                .thenApply(reply -> Replies.messages(reply, 0, meeting, instance));
    }

    @Override
    public CompletableFuture<List<MeetingParticipants>> joinTimes() {
        return activeMeetings().thenCompose(this::joinTimesOf);
    }

    @Override
    public CompletableFuture<List<MeetingParticipants>> joinTimes(Page page) {
        return activeMeetings(page).thenCompose(this::joinTimesOf);
    }

    /** The participants of each of {@code active}, read in one pipelined round. */
    private CompletableFuture<List<MeetingParticipants>> joinTimesOf(List<MeetingInstance> active) {
        String now = time.now();
        List<CompletableFuture<Answer<Optional<List<Participant>>>>> pending = new ArrayList<>(active.size());
        for (MeetingInstance instance : active) {
            MeetingKeys k = keys.meeting(instance.meeting());
            pending.add(new MeetingCalls.Participants(k, Integer.toString(instance.instance()), now).answer(redis));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    List<MeetingParticipants> out = new ArrayList<>(active.size());
                    for (int i = 0; i < active.size(); i++) {
                        // An instance ended or moved since the index was read is no longer active: leave it out.
                        if (pending.get(i).join() instanceof Answer.Result<Optional<List<Participant>>> result
                                && result.value().isPresent()) {
                            MeetingInstance instance = active.get(i);
                            out.add(new MeetingParticipants(
                                    instance.meeting(),
                                    instance.instance(),
                                    instance.to(),
                                    result.value().get()));
                        }
                    }
                    return out;
                });
    }

    @Override
    public CompletableFuture<List<ChatMessage>> messages(MeetingId meeting, UserId user) {
        Objects.requireNonNull(user, "user id");
        CompletableFuture<Boolean> exists = redis.start(r -> r.hexists(keys.user(user), "email"));
        String now = time.now();
        CompletableFuture<OnInstance<Optional<List<Object>>>> read =
                onCurrent("messages", meeting, (k, n) -> messagesFrom(k, n, now, user, "-", new ArrayList<>()));
        return userFirst(user, exists.thenCombine(read, (known, done) -> {
            if (!known) {
                throw new UnknownUserException(user);
            }
            List<Object> entries = done.result().orElseThrow(() -> new MeetingNotActiveException(meeting));
            return Replies.messages(entries, 0, meeting, done.instance());
        }));
    }

    /**
     * One user's messages in the instance's chat from {@code after} on, a page of the chat per call
     * (messages.lua), gathered into {@code found} (flat entries); an answer other than a page (the
     * instance changed between pages) is returned as it is, and the read starts over or fails.
     */
    private CompletableFuture<Answer<Optional<List<Object>>>> messagesFrom(
            MeetingKeys k, String n, String now, UserId user, String after, List<Object> found) {
        return new MeetingCalls.Messages(k, n, now, after, user).answer(redis).thenCompose(answer -> {
            if (answer instanceof Answer.Result<Optional<MessagesPage>> result
                    && result.value().isPresent()) {
                MessagesPage page = result.value().get();
                found.addAll(page.entries());
                if (!page.cursor().isEmpty()) {
                    return messagesFrom(k, n, now, user, page.cursor(), found);
                }
            }
            return CompletableFuture.completedFuture(answer.map(page -> page.map(ignored -> found)));
        });
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting) {
        return events(meeting, null, ALL);
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, Page page) {
        return events(meeting, cursor(page), Integer.toString(page.limit()));
    }

    private CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, String after, String limit) {
        return readLatest("events", meeting, MeetingKeys::events, after, limit)
                .thenApply(done -> Replies.events(done.result(), 0, meeting, done.instance()));
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, int instance) {
        return events(meeting, instance, null, ALL);
    }

    @Override
    public CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, int instance, Page page) {
        return events(meeting, instance, cursor(page), Integer.toString(page.limit()));
    }

    private CompletableFuture<List<MeetingEvent>> events(MeetingId meeting, int instance, String after, String limit) {
        return readInstance(meeting, keys.meeting(meeting).events(Integer.toString(instance)), after, limit)
                .thenApply(reply -> Replies.events(reply, 0, meeting, instance));
    }

    /** Which stream of an instance to read. */
    private interface StreamOf {
        String key(MeetingKeys keys, String order);
    }

    private CompletableFuture<OnInstance<List<Object>>> readLatest(
            String operation, MeetingId meeting, StreamOf stream, String after, String limit) {
        String now = time.now();
        return onCurrent(
                operation,
                meeting,
                (k, n) -> new MeetingCalls.ReadLatest(k, n, now, stream.key(k, n), after == null ? "" : after, limit)
                        .answer(redis));
    }

    private CompletableFuture<List<Object>> readInstance(MeetingId meeting, String stream, String after, String limit) {
        return new MeetingCalls.ReadInstance(keys.meeting(meeting), stream, after == null ? "" : after, limit)
                .answer(redis)
                .thenApply(answer -> {
                    if (answer instanceof Answer.Result<List<Object>> result) {
                        return result.value();
                    }
                    throw new UnknownMeetingException(meeting);
                });
    }

    private static String cursor(Page page) {
        Objects.requireNonNull(page, "page");
        if (page.after() != null && !StreamIds.valid(page.after())) {
            throw new InvalidInputException("page cursor is not an entry id: " + page.after());
        }
        return page.after();
    }

    /**
     * An unknown meeting stands, unless the user does not exist either: then, as in every store, the
     * user is the one reported.
     */
    private <T> CompletableFuture<T> userFirst(UserId user, CompletableFuture<T> pending) {
        return pending.exceptionallyCompose(failure -> {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return cause instanceof UnknownMeetingException unknownMeeting
                    ? refusal(user, unknownMeeting)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    /** A refusal stands, unless the user does not exist at all: that is the clearer answer. */
    private <T> CompletableFuture<T> refusal(UserId user, RuntimeException refusal) {
        return redis.start(r -> r.hexists(keys.user(user), "email")).thenApply(known -> {
            throw known ? refusal : new UnknownUserException(user);
        });
    }
}
