package dev.conference.memory;

import dev.conference.model.CodePointOrder;
import dev.conference.model.MeetingEvent.TimedOut;
import dev.conference.model.UserId;
import dev.conference.port.Lifecycle;
import dev.conference.port.PassResult;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The lifecycle passes over the in-memory store; each pass runs under the store's lock. */
final class InMemoryLifecycle implements Lifecycle {
    private final InMemoryConferenceStore store;

    InMemoryLifecycle(InMemoryConferenceStore store) {
        this.store = store;
    }

    @Override
    public PassResult startDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        synchronized (store.lock) {
            List<InstanceState> due = all().filter(state -> !state.started && !state.ended && state.startedBy(now))
                    .sorted(Comparator.comparing(state -> state.instance.from()))
                    .limit(limit)
                    .toList();
            due.forEach(store::ensureStarted);
            return new PassResult(due.size(), due.size());
        }
    }

    @Override
    public PassResult endDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        synchronized (store.lock) {
            List<InstanceState> due = all().filter(state -> !state.ended && !now.isBefore(state.instance.to()))
                    .sorted(Comparator.comparing(state -> state.instance.to()))
                    .limit(limit)
                    .toList();
            due.forEach(state -> store.end(state, state.instance.to()));
            return new PassResult(due.size(), due.size());
        }
    }

    @Override
    public PassResult expireLeases(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        synchronized (store.lock) {
            int expired = 0;
            for (InstanceState state : all().toList()) {
                // In the order they lapsed, ties in user id order: the log stays in time order.
                List<Map.Entry<UserId, Instant>> lapsed = state.leases.entrySet().stream()
                        .filter(lease -> !now.isBefore(lease.getValue()))
                        .sorted(Map.Entry.<UserId, Instant>comparingByValue()
                                .thenComparing(lease -> lease.getKey().value(), CodePointOrder.INSTANCE))
                        .limit(limit - expired)
                        .toList();
                for (Map.Entry<UserId, Instant> lease : lapsed) {
                    UserId user = lease.getKey();
                    Instant at = lease.getValue();
                    state.leases.remove(user);
                    state.participants.remove(user);
                    state.attributes.remove(user);
                    store.log(
                            state,
                            id -> new TimedOut(id, state.instance.meeting(), state.instance.instance(), user, at));
                    expired++;
                }
                if (expired == limit) {
                    break;
                }
            }
            return new PassResult(expired, expired);
        }
    }

    private java.util.stream.Stream<InstanceState> all() {
        return store.instances.values().stream().flatMap(List::stream);
    }
}
