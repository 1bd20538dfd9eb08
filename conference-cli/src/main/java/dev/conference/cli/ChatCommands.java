package dev.conference.cli;

import dev.conference.cli.Views.EventView;
import dev.conference.cli.Views.MessageView;
import dev.conference.model.ChatMessage;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.model.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands about what is said and what happened in a meeting. */
final class ChatCommands {
    private ChatCommands() {}

    @Command(
            name = "post",
            mixinStandardHelpOptions = true,
            description = {
                "Post a message in the meeting; the user must be in it.",
                "Exit 3: unknown user or meeting; 4: not active or not in."
            })
    static final class Post extends StoreCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Parameters(index = "1", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Parameters(
                index = "2..*",
                arity = "1..*",
                paramLabel = "TEXT",
                description = "The message; several words are joined with single spaces")
        List<String> words;

        @Mixin
        KeyOption idempotency;

        @Override
        void run() {
            ChatMessage message = conference().post(user, meeting, String.join(" ", words), idempotency.key());
            Output output = output();
            output.result(
                    MessageView.of(message),
                    user + " posted in " + meeting + " at " + output.time(message.postedAt()) + " (message "
                            + message.id() + ")");
        }
    }

    @Command(
            name = "chat",
            mixinStandardHelpOptions = true,
            description = "The chat of the meeting's current or latest instance, oldest first.")
    static final class Chat extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(names = "--instance", paramLabel = "N", description = "The chat of instance N instead")
        Integer instance;

        @Mixin
        PageOptions paging;

        @Override
        void run() {
            List<ChatMessage> messages = instance == null
                    ? conference().chat(meeting, paging.page())
                    : conference().chat(meeting, instance, paging.page());
            Output output = output();
            Table table = Table.of("TIME", "USER", "TEXT");
            messages.forEach(message -> table.row(output.time(message.postedAt()), message.user(), message.text()));
            output.result(messages.stream().map(MessageView::of).toList(), table, "no messages in " + meeting);
            paging.hintIfFull(messages, ChatMessage::id, notes());
        }
    }

    @Command(
            name = "messages",
            mixinStandardHelpOptions = true,
            description = {"What a user posted in the meeting's running instance.", "Exit 4: no instance is running."})
    static final class Messages extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Parameters(index = "1", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Override
        void run() {
            List<ChatMessage> messages = conference().messages(meeting, user);
            Output output = output();
            Table table = Table.of("TIME", "TEXT");
            messages.forEach(message -> table.row(output.time(message.postedAt()), message.text()));
            output.result(
                    messages.stream().map(MessageView::of).toList(), table, user + " has posted nothing in " + meeting);
        }
    }

    @Command(
            name = "events",
            mixinStandardHelpOptions = true,
            description = "The event log of the meeting's current or latest instance.")
    static final class Events extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(names = "--instance", paramLabel = "N", description = "The log of instance N instead")
        Integer instance;

        @Mixin
        PageOptions paging;

        @Override
        void run() {
            List<MeetingEvent> events = instance == null
                    ? conference().events(meeting, paging.page())
                    : conference().events(meeting, instance, paging.page());
            Output output = output();
            Table table = Table.of("TIME", "INSTANCE", "EVENT", "USER");
            List<EventView> views = events.stream().map(EventView::of).toList();
            views.forEach(view -> table.row(
                    output.time(view.at()), view.instance(), view.type(), view.user() == null ? "-" : view.user()));
            output.result(views, table, "no events in " + meeting);
            paging.hintIfFull(events, MeetingEvent::id, notes());
        }
    }
}
