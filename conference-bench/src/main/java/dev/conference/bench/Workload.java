package dev.conference.bench;

import java.util.concurrent.CompletionStage;

/**
 * The measured operations, started without waiting. Two implementations do the same work on the same
 * keys: through the library ({@link LibraryWorkload}) and as raw pipelined commands ({@link RawWorkload}).
 * A stage that completes normally did the operation; a refusal or an unexpected reply fails it.
 */
interface Workload {
    /** Reads the first page (50 messages) of the chat. */
    int CHAT_PAGE = 50;

    CompletionStage<?> join(String user, String meeting);

    CompletionStage<?> leave(String user, String meeting);

    CompletionStage<?> post(String user, String meeting, String text);

    CompletionStage<?> chat(String meeting);

    CompletionStage<?> participants(String meeting);

    CompletionStage<?> activeMeetings();

    CompletionStage<?> joinTimes();
}
