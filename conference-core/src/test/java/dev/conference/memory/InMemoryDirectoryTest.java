package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.DirectoryContract;
import java.time.Clock;

class InMemoryDirectoryTest extends DirectoryContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
