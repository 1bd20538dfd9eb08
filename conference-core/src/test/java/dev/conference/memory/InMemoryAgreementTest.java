package dev.conference.memory;

import dev.conference.port.ConferenceStore;
import dev.conference.testing.AgreementContract;
import java.time.Clock;

class InMemoryAgreementTest extends AgreementContract {
    @Override
    protected ConferenceStore open(Clock clock) {
        return new InMemoryConferenceStore(clock);
    }
}
