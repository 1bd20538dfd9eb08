package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.AsyncConferenceContract;
import java.time.Clock;

class InMemoryAsyncConferenceTest extends AsyncConferenceContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
