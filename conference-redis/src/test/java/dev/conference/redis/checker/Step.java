package dev.conference.redis.checker;

import dev.conference.model.ChatMessage;
import dev.conference.model.ConferenceException;
import dev.conference.model.Ending;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.Page;
import dev.conference.model.Participant;
import dev.conference.model.PastEvent;
import dev.conference.model.PastMessage;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.ConferenceStore;
import dev.conference.port.PassResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One operation of a generated sequence, applied the same way to each store; its outcome is the
 * answer written as text without what only one store makes up (entry ids), so two stores' outcomes
 * compare as strings. A refusal's outcome is the exception's type.
 */
sealed interface Step {

    /** Runs the step on {@code store} at the clock's current time; returns its outcome. */
    String apply(ConferenceStore store, Instant now);

    record SaveUser(User user) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> {
                store.directory().saveUser(user);
                return "saved";
            });
        }
    }

    record DeleteUser(UserId user) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> store.directory().deleteUser(user));
        }
    }

    record SaveMeeting(Meeting meeting) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> {
                store.directory().saveMeeting(meeting);
                return "saved";
            });
        }
    }

    record DeleteMeeting(MeetingId meeting) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> store.directory().deleteMeeting(meeting));
        }
    }

    record SaveInstance(MeetingInstance instance) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> {
                store.directory().saveInstance(instance);
                return "saved";
            });
        }
    }

    record DeleteInstance(MeetingId meeting, int instance) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> store.directory().deleteInstance(meeting, instance));
        }
    }

    record Join(UserId user, MeetingId meeting, Duration lease) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> participant(
                    lease == null
                            ? store.conference().join(user, meeting)
                            : store.conference().join(user, meeting, lease)));
        }
    }

    record Renew(UserId user, MeetingId meeting, Duration lease) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> {
                store.conference().renew(user, meeting, lease);
                return "renewed";
            });
        }
    }

    record Leave(UserId user, MeetingId meeting) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> {
                store.conference().leave(user, meeting);
                return "left";
            });
        }
    }

    record Remove(UserId user, MeetingId meeting, boolean ban) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> {
                store.conference().remove(user, meeting, ban);
                return ban ? "removed, banned" : "removed";
            });
        }
    }

    record Update(UserId user, MeetingId meeting, java.util.Map<String, String> changes) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> participant(store.conference().update(user, meeting, changes)));
        }
    }

    record Post(UserId user, MeetingId meeting, String text) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> message(store.conference().post(user, meeting, text)));
        }
    }

    record End(MeetingId meeting) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> ending(store.conference().end(meeting)));
        }
    }

    /**
     * A scheduler's tick at the current time: each pass repeated while it comes back full, as {@code
     * MeetingScheduler} does. Only the totals are compared: how many items a store takes on per pass
     * is its own business (Redis's indexes may hold items already handled, which take a place in a
     * batch), what the tick logged in all is not.
     */
    record Passes(int limit) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> "started "
                    + untilQuiet(limit, l -> store.lifecycle().startDue(now, l))
                    + ", ended " + untilQuiet(limit, l -> store.lifecycle().endDue(now, l))
                    + ", expired " + untilQuiet(limit, l -> store.lifecycle().expireLeases(now, l)));
        }

        private static int untilQuiet(int limit, java.util.function.IntFunction<PassResult> pass) {
            int done = 0;
            for (int round = 0; round < 1_000; round++) {
                PassResult result = pass.apply(limit);
                done += result.done();
                if (result.due() < limit) {
                    break;
                }
            }
            return done;
        }
    }

    /** Every read of one meeting and the cross-meeting reads. */
    record Read(MeetingId meeting, UserId user) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return String.join(
                    "\n  ",
                    "participants "
                            + outcome(() -> participants(store.conference().participants(meeting))),
                    "participants paged " + outcome(() -> participants(pagedParticipants(store, meeting))),
                    "count " + outcome(() -> store.conference().participantCount(meeting)),
                    "chat " + outcome(() -> messages(store.conference().chat(meeting))),
                    "chat page " + outcome(() -> messages(store.conference().chat(meeting, Page.first(2)))),
                    "events " + outcome(() -> events(store.conference().events(meeting))),
                    "messages " + outcome(() -> messages(store.conference().messages(meeting, user))),
                    "instances " + outcome(() -> store.directory().instances(meeting)),
                    "active " + outcome(() -> store.conference().activeMeetings()),
                    "active paged " + outcome(() -> pagedActive(store)),
                    "join times " + outcome(() -> joinTimes(store.conference().joinTimes())),
                    "users " + outcome(() -> store.directory().users(Page.first(100))),
                    "meetings " + outcome(() -> meetings(store.directory().meetings(Page.first(100)))),
                    "user " + outcome(() -> store.directory().user(user)),
                    "meeting "
                            + outcome(() -> store.directory().meeting(meeting).map(Step::meeting)));
        }
    }

    /**
     * Opens a live subscription to the meeting from the oldest event kept, unless one is open (not a
     * store operation alone: the runner keeps the subscriptions and compares what they deliver).
     */
    record Subscribe(MeetingId meeting) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return "";
        }
    }

    /**
     * Closes the meeting's subscription, once both stores' have delivered the same, and resumes after
     * the {@code pick}-th event (modulo how many were delivered), as after a reconnect.
     */
    record Resume(MeetingId meeting, int pick) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return "";
        }
    }

    /** Past events imported (History): what became of each record. */
    record ImportEvents(List<PastEvent> events) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> store.history().importEvents(events));
        }
    }

    /** Past messages imported (History): what became of each record. */
    record ImportMessages(List<PastMessage> messages) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return outcome(() -> store.history().importMessages(messages));
        }
    }

    /** Time passes (not a store operation: the runner moves the shared clock). */
    record Advance(Duration by) implements Step {
        @Override
        public String apply(ConferenceStore store, Instant now) {
            return "";
        }
    }

    private static String outcome(Supplier<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (ConferenceException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Every participant, read two a page from cursor to cursor. */
    private static List<Participant> pagedParticipants(ConferenceStore store, MeetingId meeting) {
        List<Participant> out = new java.util.ArrayList<>();
        Page page = Page.first(2);
        for (List<Participant> got = store.conference().participants(meeting, page);
                !got.isEmpty();
                got = store.conference().participants(meeting, page)) {
            out.addAll(got);
            page = page.next(got.get(got.size() - 1).cursor());
        }
        return out;
    }

    /** Every active instance, read one a page from cursor to cursor. */
    private static List<dev.conference.model.MeetingInstance> pagedActive(ConferenceStore store) {
        List<dev.conference.model.MeetingInstance> out = new java.util.ArrayList<>();
        Page page = Page.first(1);
        for (List<dev.conference.model.MeetingInstance> got = store.conference().activeMeetings(page);
                !got.isEmpty();
                got = store.conference().activeMeetings(page)) {
            out.addAll(got);
            page = page.next(got.get(0).cursor());
        }
        return out;
    }

    private static String participant(Participant participant) {
        return participant.user() + "@" + participant.joinedAt() + participant.attributes();
    }

    private static String participants(List<Participant> participants) {
        return participants.stream().map(Step::participant).toList().toString();
    }

    private static String message(ChatMessage message) {
        return message.instance() + ":" + message.user() + ":" + message.text() + "@" + message.postedAt();
    }

    private static String messages(List<ChatMessage> messages) {
        return messages.stream().map(Step::message).toList().toString();
    }

    static String event(MeetingEvent event) {
        if (event instanceof MeetingEvent.Posted posted) {
            return "POSTED:" + message(posted.message());
        }
        String who = event instanceof MeetingEvent.ParticipantEvent participant ? ":" + participant.user() : "";
        String changes = event instanceof MeetingEvent.Updated updated
                ? updated.changes().toString()
                : "";
        return event.type() + ":" + event.instance() + who + "@" + event.at() + changes;
    }

    private static String events(List<MeetingEvent> events) {
        return events.stream().map(Step::event).toList().toString();
    }

    private static String ending(Optional<Ending> ending) {
        return ending.map(end -> end.instance() + "@" + end.at() + " timed out " + end.timedOut())
                .orElse("nothing to end");
    }

    private static String joinTimes(List<MeetingParticipants> joinTimes) {
        return joinTimes.stream()
                .map(meeting -> meeting.meeting() + "#" + meeting.instance() + participants(meeting.participants()))
                .toList()
                .toString();
    }

    /** A meeting with its audience sorted, since a Set prints in no fixed order. */
    private static String meeting(Meeting meeting) {
        return meeting.id() + (meeting.isPublic() ? " public" : " for " + sorted(meeting.audience())) + " "
                + meeting.title();
    }

    private static String meetings(List<Meeting> meetings) {
        return meetings.stream().map(Step::meeting).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String sorted(Collection<String> values) {
        return new TreeSet<>(values).toString();
    }
}
