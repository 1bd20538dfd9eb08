package dev.conference.model;

/**
 * A live subscription's listener threw while it handled an event. The subscription reports it to the
 * listener's {@code onError} and goes on with the next event: the one that failed counts as delivered.
 */
public final class ListenerException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    public ListenerException(MeetingEvent event, RuntimeException cause) {
        super(
                "the listener failed on " + event.type() + " event " + event.id() + " of meeting '" + event.meeting()
                        + "': " + cause,
                cause);
    }
}
