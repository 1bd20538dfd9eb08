package dev.conference.cli;

import dev.conference.cli.Views.EndedView;
import dev.conference.cli.Views.InstanceView;
import dev.conference.cli.Views.JoinedView;
import dev.conference.cli.Views.LeftView;
import dev.conference.cli.Views.MeetingParticipantsView;
import dev.conference.cli.Views.ParticipantCountView;
import dev.conference.cli.Views.ParticipantView;
import dev.conference.cli.Views.ParticipantsView;
import dev.conference.cli.Views.RemovedView;
import dev.conference.cli.Views.RenewedView;
import dev.conference.cli.Views.UpdatedView;
import dev.conference.model.Ending;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.MeetingParticipants;
import dev.conference.model.Participant;
import dev.conference.model.UserId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The commands about who is in which meeting now. */
final class LiveCommands {
    private LiveCommands() {}

    @Command(
            name = "join",
            mixinStandardHelpOptions = true,
            description = {
                "Join the meeting's running instance.",
                "With --lease, the presence lapses unless renewed in time ('renew');",
                "a running scheduler then removes the user with a TIMED_OUT event.",
                "Exit 3: unknown user or meeting; 4: not active, not allowed, already in, full or banned."
            })
    static final class Join extends StoreCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Parameters(index = "1", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(
                names = "--lease",
                paramLabel = "DURATION",
                description = {
                    "Presence lease, e.g. 30s; at most 1d (default: none,",
                    "the user stays until they leave)"
                })
        Duration lease;

        @Mixin
        KeyOption idempotency;

        @Override
        void run() {
            Participant participant = lease == null
                    ? conference().join(user, meeting, idempotency.key())
                    : conference().join(user, meeting, lease, idempotency.key());
            Output output = output();
            output.result(
                    new JoinedView(user.value(), meeting.value(), participant.joinedAt(), lease),
                    user + " joined " + meeting + " at " + output.time(participant.joinedAt())
                            + (lease == null ? "" : "; presence lease " + DurationArgument.format(lease)));
        }
    }

    @Command(
            name = "renew",
            mixinStandardHelpOptions = true,
            description = {
                "Renew a presence lease (a heartbeat).",
                "The user's presence in the meeting now lasts --lease from now;",
                "a user who joined without a lease gets one.",
                "Exit 2: a lease that is not positive or longer than 1d;",
                "4: not active or not in."
            })
    static final class Renew extends StoreCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Parameters(index = "1", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(names = "--lease", required = true, paramLabel = "DURATION", description = "e.g. 30s; at most 1d")
        Duration lease;

        @Override
        void run() {
            conference().renew(user, meeting, lease);
            output().result(
                            new RenewedView(user.value(), meeting.value(), lease),
                            "renewed " + user + " in " + meeting + " for " + DurationArgument.format(lease));
        }
    }

    @Command(
            name = "leave",
            mixinStandardHelpOptions = true,
            description = {
                "Leave the meeting's running instance.",
                "Exit 3: unknown user or meeting; 4: not active or not in."
            })
    static final class Leave extends StoreCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Parameters(index = "1", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Mixin
        KeyOption idempotency;

        @Override
        void run() {
            conference().leave(user, meeting, idempotency.key());
            output().result(new LeftView(user.value(), meeting.value()), user + " left " + meeting);
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = {
                "Take a participant out of the meeting's running instance (a REMOVED event, not a LEFT).",
                "With --ban, they cannot join it again until it ends.",
                "Exit 3: unknown user or meeting; 4: not active or not in."
            })
    static final class Remove extends StoreCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Parameters(index = "1", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(names = "--ban", description = "Keep them out of this instance until it ends")
        boolean ban;

        @Mixin
        KeyOption idempotency;

        @Override
        void run() {
            conference().remove(user, meeting, ban, idempotency.key());
            output().result(
                            new RemovedView(user.value(), meeting.value(), ban),
                            "removed " + user + " from " + meeting + (ban ? ", banned until this instance ends" : ""));
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = {
                "Set a participant's attributes (KEY=VALUE; KEY= removes the key), announced by an UPDATED event.",
                "At most 16 keys of up to 64 characters, values of up to 256.",
                "Exit 2: a bad attribute; 3: unknown user or meeting; 4: not active or not in."
            })
    static final class SetAttributes extends StoreCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "The user's id")
        UserId user;

        @Parameters(index = "1", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY=VALUE", description = "The attributes to set")
        List<String> attributes;

        @Mixin
        KeyOption idempotency;

        @Override
        void run() {
            Map<String, String> changes = new LinkedHashMap<>();
            for (String attribute : attributes) {
                int equals = attribute.indexOf('=');
                if (equals <= 0) {
                    throw new ParameterException(
                            spec.commandLine(), "attribute '" + attribute + "' must be KEY=VALUE (KEY= removes KEY)");
                }
                changes.put(attribute.substring(0, equals), attribute.substring(equals + 1));
            }
            Participant participant = conference().update(user, meeting, changes, idempotency.key());
            output().result(
                            new UpdatedView(meeting.value(), ParticipantView.of(participant)),
                            user + " in " + meeting + ": " + attributes(participant.attributes()));
        }
    }

    /** Attributes as {@code key=value} pairs in key order, or {@code -} for none. */
    static String attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "-";
        }
        return attributes.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @Command(
            name = "participants",
            mixinStandardHelpOptions = true,
            description = {
                "Who is in the meeting now, in order of joining, a page at a time.",
                "--after takes the cursor a full page names (join time in µs, ':', user id)."
            })
    static final class Participants extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(names = "--count", description = "Only how many are in (the same cost for any number)")
        boolean count;

        @Mixin
        PageOptions paging;

        @Override
        void run() {
            if (count) {
                int in = conference().participantCount(meeting);
                output().result(
                                new ParticipantCountView(meeting.value(), in),
                                in + (in == 1 ? " participant" : " participants") + " in " + meeting + " now");
                return;
            }
            List<Participant> participants = conference().participants(meeting, paging.page());
            Output output = output();
            Table table = Table.of("USER", "JOINED", "ATTRIBUTES");
            participants.forEach(participant -> table.row(
                    participant.user(), output.time(participant.joinedAt()), attributes(participant.attributes())));
            output.result(
                    new ParticipantsView(
                            meeting.value(),
                            participants.stream().map(ParticipantView::of).toList()),
                    table,
                    "nobody is in " + meeting + " now");
            paging.hintIfFull(participants, Participant::cursor, notes());
        }
    }

    @Command(
            name = "active",
            mixinStandardHelpOptions = true,
            description = {
                "The meetings running now, by end time, a page at a time.",
                "--after takes the cursor a full page names (end in µs, ':', meeting id)."
            })
    static final class Active extends StoreCommand {
        @Mixin
        PageOptions paging;

        @Override
        void run() {
            List<MeetingInstance> active = conference().activeMeetings(paging.page());
            Output output = output();
            Table table = Table.of("MEETING", "INSTANCE", "FROM", "TO");
            active.forEach(instance -> table.row(
                    instance.meeting(), instance.instance(), output.time(instance.from()), output.time(instance.to())));
            output.result(
                    active.stream()
                            .map(instance -> InstanceView.of(instance, "active"))
                            .toList(),
                    table,
                    "no meeting is active now");
            paging.hintIfFull(active, MeetingInstance::cursor, notes());
        }
    }

    @Command(
            name = "end",
            mixinStandardHelpOptions = true,
            description = {
                "End the meeting's running instance now; everyone in it times out.",
                "Does nothing (exit 0) if none is running."
            })
    static final class End extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Mixin
        KeyOption idempotency;

        @Override
        void run() {
            Optional<Ending> ending = conference().end(meeting, idempotency.key());
            int timedOut = ending.map(Ending::timedOut).orElse(0);
            String message = ending.isEmpty()
                    ? meeting + " has no running instance; nothing to end"
                    : "ended " + meeting
                            + (timedOut == 0
                                    ? "; nobody was in it"
                                    : "; " + timedOut + (timedOut == 1 ? " participant" : " participants")
                                            + " timed out");
            output().result(new EndedView(meeting.value(), ending.isPresent(), timedOut), message);
        }
    }

    @Command(
            name = "join-times",
            mixinStandardHelpOptions = true,
            description = {
                "Who is in each running meeting, and since when, a page of meetings at a time.",
                "--after takes the cursor a full page names (end in µs, ':', meeting id)."
            })
    static final class JoinTimes extends StoreCommand {
        @Mixin
        PageOptions paging;

        @Override
        void run() {
            List<MeetingParticipants> groups = conference().joinTimes(paging.page());
            Output output = output();
            Table table = Table.of("MEETING", "INSTANCE", "USER", "JOINED");
            for (MeetingParticipants group : groups) {
                if (group.participants().isEmpty()) {
                    table.row(group.meeting(), group.instance(), "-", "-");
                }
                group.participants()
                        .forEach(participant -> table.row(
                                group.meeting(),
                                group.instance(),
                                participant.user(),
                                output.time(participant.joinedAt())));
            }
            output.result(groups.stream().map(MeetingParticipantsView::of).toList(), table, "no meeting is active now");
            paging.hintIfFull(groups, MeetingParticipants::cursor, notes());
        }
    }
}
