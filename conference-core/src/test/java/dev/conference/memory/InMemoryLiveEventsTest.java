package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.LiveEventsContract;
import java.time.Clock;

class InMemoryLiveEventsTest extends LiveEventsContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
