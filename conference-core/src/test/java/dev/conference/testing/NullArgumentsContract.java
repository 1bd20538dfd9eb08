package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.model.IdempotencyKey;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import dev.conference.port.Conference;
import dev.conference.port.Directory;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.Lifecycle;
import dev.conference.port.LiveEvents;
import dev.conference.port.Subscription;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Every method of every port, called with null in each of its object parameters in turn (the others
 * valid), throws {@link NullPointerException}, as the ports say, and stores nothing. Found by
 * reflection, so a method added to a port is covered without a line here.
 */
public abstract class NullArgumentsContract extends StoreContract {
    private static final Map<Class<?>, Object> VALID = Map.ofEntries(
            Map.entry(UserId.class, UserId.of("alice")),
            Map.entry(MeetingId.class, MeetingId.of("standup")),
            Map.entry(User.class, aUser("alice")),
            Map.entry(Meeting.class, aPublicMeeting("standup")),
            Map.entry(MeetingInstance.class, anInstance(aPublicMeeting("standup"), 1, T0, Duration.ofHours(1))),
            Map.entry(Page.class, Page.first(10)),
            Map.entry(String.class, "hello"),
            Map.entry(Duration.class, Duration.ofSeconds(30)),
            Map.entry(IdempotencyKey.class, IdempotencyKey.of("key-1")),
            Map.entry(Instant.class, T0),
            Map.entry(List.class, List.of()),
            Map.entry(Map.class, Map.of("muted", "true")),
            Map.entry(FeedPosition.class, FeedPosition.latest()),
            Map.entry(EventListener.class, (EventListener) event -> {}),
            Map.entry(int.class, 1),
            Map.entry(boolean.class, true));

    @Test
    void everyPortRefusesANullArgumentWithNullPointerException() throws Exception {
        List<String> lenient = new ArrayList<>();
        lenient.addAll(nullsRefused(Directory.class, store.directory()));
        lenient.addAll(nullsRefused(Conference.class, store.conference()));
        lenient.addAll(nullsRefused(AsyncConference.class, store.async()));
        lenient.addAll(nullsRefused(Lifecycle.class, store.lifecycle()));
        lenient.addAll(nullsRefused(LiveEvents.class, store.liveEvents()));

        assertThat(lenient).as("calls that did not throw NullPointerException").isEmpty();
        assertThat(directory.users(Page.first(10))).isEmpty();
        assertThat(directory.meetings(Page.first(10))).isEmpty();
    }

    /** Calls each method with one null at a time; returns the calls that did not throw NPE. */
    private static List<String> nullsRefused(Class<?> port, Object implementation) throws Exception {
        List<String> lenient = new ArrayList<>();
        for (Method method : port.getMethods()) {
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                Object[] arguments = new Object[types.length];
                for (int j = 0; j < types.length; j++) {
                    arguments[j] = j == i ? null : valid(types[j], method);
                }
                String call = port.getSimpleName() + "." + method.getName() + " with null " + types[i].getSimpleName();
                Throwable thrown = thrownBy(method, implementation, arguments);
                if (!(thrown instanceof NullPointerException)) {
                    lenient.add(call + ": " + (thrown == null ? "no exception" : thrown.toString()));
                }
            }
        }
        return lenient;
    }

    private static Object valid(Class<?> type, Method method) {
        Object value = VALID.get(type);
        if (value == null) {
            throw new AssertionError("no valid " + type.getSimpleName() + " for " + method + ": add one to VALID");
        }
        return value;
    }

    /** What the call threw at once or, for an asynchronous port, what its stage failed with. */
    private static Throwable thrownBy(Method method, Object implementation, Object[] arguments) throws Exception {
        Object result;
        try {
            result = method.invoke(implementation, arguments);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
        if (result instanceof Subscription subscription) {
            subscription.close();
        }
        if (result instanceof CompletionStage<?> stage) {
            try {
                stage.toCompletableFuture().join();
            } catch (CompletionException e) {
                return e.getCause();
            }
        }
        return null;
    }
}
