package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.LifecycleContract;
import java.time.Clock;

class InMemoryLifecycleTest extends LifecycleContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
