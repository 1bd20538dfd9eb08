package dev.conference.bench;

import dev.conference.model.MeetingId;
import dev.conference.model.Page;
import dev.conference.model.UserId;
import dev.conference.port.AsyncConference;
import java.util.concurrent.CompletionStage;

/** The operations through the library's asynchronous port, as an application calls them. */
final class LibraryWorkload implements Workload {
    private static final Page FIRST_PAGE = Page.first(CHAT_PAGE);

    private final AsyncConference conference;

    LibraryWorkload(AsyncConference conference) {
        this.conference = conference;
    }

    @Override
    public CompletionStage<?> join(String user, String meeting) {
        return conference.join(UserId.of(user), MeetingId.of(meeting));
    }

    @Override
    public CompletionStage<?> leave(String user, String meeting) {
        return conference.leave(UserId.of(user), MeetingId.of(meeting));
    }

    @Override
    public CompletionStage<?> post(String user, String meeting, String text) {
        return conference.post(UserId.of(user), MeetingId.of(meeting), text);
    }

    @Override
    public CompletionStage<?> chat(String meeting) {
        return conference.chat(MeetingId.of(meeting), FIRST_PAGE);
    }

    @Override
    public CompletionStage<?> participants(String meeting) {
        return conference.participants(MeetingId.of(meeting));
    }

    @Override
    public CompletionStage<?> activeMeetings() {
        return conference.activeMeetings();
    }

    @Override
    public CompletionStage<?> joinTimes() {
        return conference.joinTimes();
    }
}
