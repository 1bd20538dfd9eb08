package dev.conference.model;

import dev.conference.model.MeetingEvent.TimedOut;
import java.time.Instant;
import java.util.List;

/** An instance ended by hand: which one, when, and the TIMED_OUT of each participant it had. */
public record Ending(MeetingId meeting, int instance, Instant at, List<TimedOut> timeouts) {
    public Ending {
        Check.notNull("meeting id", meeting);
        Check.notNull("ended at", at);
        timeouts = List.copyOf(timeouts);
    }
}
