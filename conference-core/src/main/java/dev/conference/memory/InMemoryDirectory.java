package dev.conference.memory;

import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingEvent.Left;
import dev.conference.model.MeetingEvent.Posted;
import dev.conference.model.MeetingEvent.Updated;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Directory;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryDirectory implements Directory {
    private final InMemoryConferenceStore store;

    InMemoryDirectory(InMemoryConferenceStore store) {
        this.store = store;
    }

    @Override
    public void saveUser(User user) {
        Objects.requireNonNull(user, "user");
        synchronized (store.lock) {
            store.users.put(user.id().value(), user);
        }
    }

    @Override
    public Optional<User> user(UserId id) {
        Objects.requireNonNull(id, "user id");
        synchronized (store.lock) {
            return Optional.ofNullable(store.users.get(id.value()));
        }
    }

    @Override
    public List<User> users(Page page) {
        synchronized (store.lock) {
            return slice(store.users, page);
        }
    }

    /**
     * Erases a user: they leave every instance they are a participant of (a LEFT now, so the log still
     * replays to the participants), and their messages go from every chat and feed.
     */
    @Override
    public boolean deleteUser(UserId id) {
        Objects.requireNonNull(id, "user id");
        synchronized (store.lock) {
            Instant now = store.now();
            store.instances
                    .values()
                    .forEach(states -> states.stream()
                            .sorted(Comparator.comparingInt(state -> state.instance.instance()))
                            .forEach(state -> {
                                state.chat.removeIf(message -> message.user().equals(id));
                                // The values they gave their attributes are theirs, like their messages.
                                state.events.removeIf(event -> event instanceof Updated updated
                                        && updated.user().equals(id));
                                state.importedMessages.values().removeIf(id::equals);
                                state.leases.remove(id);
                                state.banned.remove(id);
                                state.attributes.remove(id);
                                if (state.participants.remove(id) != null) {
                                    MeetingInstance instance = state.instance;
                                    store.log(
                                            state,
                                            eventId -> new Left(
                                                    eventId, instance.meeting(), instance.instance(), id, now));
                                }
                            }));
            store.feeds
                    .values()
                    .forEach(feed -> feed.removeIf(event -> event instanceof Posted posted
                                    && posted.message().user().equals(id)
                            || event instanceof Updated updated
                                    && updated.user().equals(id)));
            return store.users.remove(id.value()) != null;
        }
    }

    @Override
    public void saveMeeting(Meeting meeting) {
        Objects.requireNonNull(meeting, "meeting");
        synchronized (store.lock) {
            store.meetings.put(meeting.id().value(), meeting);
        }
    }

    @Override
    public Optional<Meeting> meeting(MeetingId id) {
        Objects.requireNonNull(id, "meeting id");
        synchronized (store.lock) {
            return Optional.ofNullable(store.meetings.get(id.value()));
        }
    }

    @Override
    public List<Meeting> meetings(Page page) {
        synchronized (store.lock) {
            return slice(store.meetings, page);
        }
    }

    @Override
    public boolean deleteMeeting(MeetingId id) {
        Objects.requireNonNull(id, "meeting id");
        synchronized (store.lock) {
            store.instances.remove(id);
            // The whole feed goes: a subscription resuming in it may have missed any of it.
            List<MeetingEvent> feed = store.feeds.remove(id);
            if (feed != null && !feed.isEmpty()) {
                store.feedTrimmedThrough.put(
                        id, Long.parseLong(feed.get(feed.size() - 1).id()));
            }
            return store.meetings.remove(id.value()) != null;
        }
    }

    @Override
    public void saveInstance(MeetingInstance instance) {
        Objects.requireNonNull(instance, "instance");
        synchronized (store.lock) {
            if (!store.meetings.containsKey(instance.meeting().value())) {
                throw new UnknownMeetingException(instance.meeting());
            }
            List<InstanceState> states = store.instancesOf(instance.meeting());
            for (InstanceState other : states) {
                if (other.instance.instance() != instance.instance() && other.instance.overlaps(instance)) {
                    throw InvalidInputException.overlap(instance, other.instance);
                }
            }
            store.instance(instance.meeting(), instance.instance())
                    .ifPresentOrElse(state -> state.instance = instance, () -> states.add(new InstanceState(instance)));
        }
    }

    @Override
    public List<MeetingInstance> instances(MeetingId meeting) {
        Objects.requireNonNull(meeting, "meeting id");
        synchronized (store.lock) {
            return store.instances.getOrDefault(meeting, List.of()).stream()
                    .map(state -> state.instance)
                    .sorted(Comparator.comparing(MeetingInstance::from))
                    .toList();
        }
    }

    @Override
    public boolean deleteInstance(MeetingId meeting, int instance) {
        Objects.requireNonNull(meeting, "meeting id");
        synchronized (store.lock) {
            List<InstanceState> instances = store.instances.get(meeting);
            if (instances == null || !instances.removeIf(state -> state.instance.instance() == instance)) {
                return false;
            }
            List<MeetingEvent> feed = store.feeds.get(meeting);
            if (feed != null) {
                feed.removeIf(event -> event.instance() == instance);
            }
            return true;
        }
    }

    private static <T> List<T> slice(TreeMap<String, T> byId, Page page) {
        Objects.requireNonNull(page, "page");
        Map<String, T> rest = page.after() == null ? byId : byId.tailMap(page.after(), false);
        return rest.values().stream().limit(page.limit()).toList();
    }
}
