package dev.conference.cli;

import dev.conference.cli.Views.InstanceView;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code instances list MEETING} and {@code instances add MEETING --from --to}. */
@Command(
        name = "instances",
        mixinStandardHelpOptions = true,
        description = "List or schedule a meeting's instances.",
        subcommands = {InstancesCommand.ListInstances.class, InstancesCommand.AddInstance.class})
final class InstancesCommand extends GroupCommand {

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List a meeting's instances in time order, with their status now.")
    static final class ListInstances extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Override
        void run() {
            requireMeeting(meeting);
            List<MeetingInstance> instances = directory().instances(meeting);
            OptionalInt active = conference().activeMeetings().stream()
                    .filter(instance -> instance.meeting().equals(meeting))
                    .mapToInt(MeetingInstance::instance)
                    .findFirst();
            Instant now = now();
            Output output = output();
            Table table = Table.of("INSTANCE", "FROM", "TO", "STATUS");
            List<InstanceView> views = instances.stream()
                    .map(instance -> InstanceView.of(instance, status(instance, active, now)))
                    .toList();
            views.forEach(view ->
                    table.row(view.instance(), output.time(view.from()), output.time(view.to()), view.status()));
            output.result(views, table, "meeting " + meeting + " has no instances");
        }

        /** An instance that spans now but is not active was ended early. */
        private static String status(MeetingInstance instance, OptionalInt active, Instant now) {
            if (active.isPresent() && active.getAsInt() == instance.instance()) {
                return "active";
            }
            return now.isBefore(instance.from()) ? "scheduled" : "ended";
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Schedule an instance of a meeting over [--from, --to).",
                "Times: " + TimeArgument.FORMS + "."
            })
    static final class AddInstance extends StoreCommand {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Option(names = "--from", required = true, paramLabel = "TIME", description = "When it starts")
        Instant from;

        @Option(names = "--to", required = true, paramLabel = "TIME", description = "When it ends (excluded)")
        Instant to;

        @Option(
                names = "--instance",
                paramLabel = "N",
                description = "The instance's number; an existing number moves that instance (default: next free)")
        Integer number;

        @Override
        void run() {
            int instanceNumber = number != null
                    ? number
                    : directory().instances(meeting).stream()
                                    .mapToInt(MeetingInstance::instance)
                                    .max()
                                    .orElse(0)
                            + 1;
            MeetingInstance instance = new MeetingInstance(meeting, instanceNumber, from, to);
            directory().saveInstance(instance);
            Instant now = now();
            String status = now.isBefore(from) ? "scheduled" : instance.spans(now) ? "active" : "ended";
            Output output = output();
            output.result(
                    InstanceView.of(instance, status),
                    "scheduled instance " + instanceNumber + " of " + meeting + ": " + output.time(instance.from())
                            + " .. " + output.time(instance.to()));
        }
    }
}
