package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.NullArgumentsContract;
import java.time.Clock;

class InMemoryNullArgumentsTest extends NullArgumentsContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
