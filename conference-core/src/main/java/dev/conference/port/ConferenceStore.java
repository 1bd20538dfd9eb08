package dev.conference.port;

/**
 * One store of conference state, reached through its two ports. Closing it releases what the store
 * holds (connections, threads); the ports must not be used afterwards.
 */
public interface ConferenceStore extends AutoCloseable {
    Directory directory();

    Conference conference();

    /** The same operations as {@link #conference()}, without blocking the caller. */
    AsyncConference async();

    /** The time-driven passes a {@link dev.conference.scheduler.MeetingScheduler} runs. */
    Lifecycle lifecycle();

    /** Live subscriptions to meetings' events. */
    LiveEvents liveEvents();

    /** Importing what happened before the store knew of it. */
    History history();

    @Override
    void close();
}
