package dev.conference.testing;

import dev.conference.port.Conference;
import dev.conference.port.ConferenceStore;
import dev.conference.port.Directory;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contract suites: each test gets a fresh, empty store on a clock it controls. An
 * implementation's test extends a suite and says how to open its store.
 */
public abstract class StoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    protected MutableClock clock;
    protected ConferenceStore store;
    protected Directory directory;
    protected Conference conference;

    /** Opens an empty store whose operations take {@code clock} as now. */
    protected abstract ConferenceStore open(Clock clock);

    @BeforeEach
    final void openStore() {
        clock = new MutableClock(T0);
        store = open(clock);
        directory = store.directory();
        conference = store.conference();
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }
}
