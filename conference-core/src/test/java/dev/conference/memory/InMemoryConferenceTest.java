package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.ConferenceContract;
import java.time.Clock;

class InMemoryConferenceTest extends ConferenceContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
