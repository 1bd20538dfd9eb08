package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.HistoryContract;
import java.time.Clock;

class InMemoryHistoryTest extends HistoryContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
