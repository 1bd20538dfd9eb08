package dev.conference.cli;

import dev.conference.cli.Views.MeetingView;
import dev.conference.cli.Views.SavedView;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code meetings list} and {@code meetings add}. */
@Command(
        name = "meetings",
        mixinStandardHelpOptions = true,
        description = "List or add meetings.",
        subcommands = {MeetingsCommand.ListMeetings.class, MeetingsCommand.AddMeeting.class})
final class MeetingsCommand extends GroupCommand {
    private static final int AUDIENCE_SHOWN = 3;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List meetings in id order.")
    static final class ListMeetings extends StoreCommand {
        @Mixin
        PageOptions paging;

        @Override
        void run() {
            List<Meeting> meetings = directory().meetings(paging.page());
            Table table = Table.of("ID", "TITLE", "AUDIENCE", "CAPACITY", "DESCRIPTION");
            meetings.forEach(meeting -> table.row(
                    meeting.id(), meeting.title(), audience(meeting), capacity(meeting), meeting.description()));
            output().result(meetings.stream().map(MeetingView::of).toList(), table, "no meetings");
            paging.hintIfFull(meetings, meeting -> meeting.id().value(), notes());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a meeting: public, or restricted to an audience with --audience.")
    static final class AddMeeting extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The meeting's id")
        MeetingId id;

        @Option(names = "--title", required = true, description = "Title")
        String title;

        @Option(names = "--description", description = "Description (default: none)")
        String description = "";

        @Option(
                names = "--audience",
                paramLabel = "EMAIL",
                split = ",",
                description = "Restrict the meeting to these emails (repeat, or separate with commas)")
        List<String> audience;

        @Option(
                names = "--capacity",
                paramLabel = "N",
                description = "At most N participants per instance; a join beyond is refused (default: no limit)")
        Integer capacity;

        @Option(names = "--replace", description = "Replace the meeting if the id exists already")
        boolean replace;

        @Override
        void run() {
            Meeting meeting = audience == null
                    ? Meeting.publicMeeting(id, title, description)
                    : Meeting.restricted(id, title, description, distinct(audience));
            if (capacity != null) {
                meeting = meeting.withCapacity(capacity);
            }
            boolean exists = directory().meeting(id).isPresent();
            if (exists && !replace) {
                throw new ParameterException(
                        spec.commandLine(), "meeting '" + id + "' exists already; add --replace to replace it");
            }
            directory().saveMeeting(meeting);
            output().result(
                            new SavedView<>(exists, MeetingView.of(meeting)),
                            (exists ? "replaced" : "added") + (meeting.isPublic() ? " public" : " restricted")
                                    + " meeting " + id);
        }

        /** The same email given twice is one email; given twice in different cases, the domain refuses it. */
        private static Set<String> distinct(List<String> emails) {
            return new LinkedHashSet<>(emails.stream().map(String::strip).toList());
        }
    }

    static String capacity(Meeting meeting) {
        return meeting.capacity().isPresent()
                ? Integer.toString(meeting.capacity().getAsInt())
                : "-";
    }

    static String audience(Meeting meeting) {
        if (meeting.isPublic()) {
            return "everyone";
        }
        List<String> emails = meeting.audience().stream().sorted().toList();
        if (emails.isEmpty()) {
            return "nobody";
        }
        if (emails.size() <= AUDIENCE_SHOWN) {
            return String.join(", ", emails);
        }
        return String.join(", ", emails.subList(0, AUDIENCE_SHOWN)) + " +" + (emails.size() - AUDIENCE_SHOWN) + " more";
    }
}
