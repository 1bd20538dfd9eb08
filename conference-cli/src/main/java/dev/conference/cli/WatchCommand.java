package dev.conference.cli;

import dev.conference.cli.Views.EventView;
import dev.conference.model.ConferenceException;
import dev.conference.model.InvalidInputException;
import dev.conference.model.MeetingEvent;
import dev.conference.model.MeetingId;
import dev.conference.port.EventListener;
import dev.conference.port.FeedPosition;
import dev.conference.port.Subscription;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code watch MEETING}: prints the meeting's live events as they happen until Ctrl-C, then the id a
 * later watch resumes from. Events go to stdout, everything else to stderr, so that with {@code --json}
 * stdout is JSON Lines.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = {
            "Print the meeting's live events as they happen, until Ctrl-C.",
            "One line per event: time, type, user, and a message's text. With --json,",
            "one JSON object per line (JSON Lines), with the fields of 'events --json'.",
            "On exit the last event id goes to stderr; --from takes it to resume",
            "without missing or repeating an event.",
            "Exit 2: --from is not an event id; 3: unknown meeting."
        })
final class WatchCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
    MeetingId meeting;

    @Option(
            names = "--from",
            paramLabel = "ID",
            description = "Print the events after this id, as an earlier watch printed it")
    String from;

    // Hidden: tests and scripts stop the watch as Ctrl-C would.
    @Option(names = "--for", hidden = true, paramLabel = "DURATION", description = "Stop after this long")
    Duration limit;

    @Option(names = "--max-events", hidden = true, paramLabel = "N", description = "Stop after N events")
    Integer maxEvents;

    @Override
    void run() {
        root().requireOwnProcess(spec);
        if (maxEvents != null && maxEvents < 1) {
            throw new ParameterException(spec.commandLine(), "--max-events must be 1 or more, got " + maxEvents);
        }
        PrintWriter err = root().environment().err();
        var liveEvents = root().store().liveEvents();
        Foreground foreground = Foreground.untilInterrupted(root().session());
        Printer printer = new Printer(output(), err, foreground, maxEvents == null ? Long.MAX_VALUE : maxEvents);
        Subscription subscription;
        try {
            subscription = liveEvents.subscribe(
                    meeting, from == null ? FeedPosition.latest() : FeedPosition.after(from), printer);
        } catch (InvalidInputException badId) {
            throw new ParameterException(spec.commandLine(), "--from: " + badId.getMessage());
        }
        printer.subscribed(subscription);
        err.println("watching " + meeting + (from == null ? " from now" : " after event " + from) + "; Ctrl-C to stop");
        err.flush();
        foreground.await(limit);
        if (!printer.closedSubscription()) {
            // Waits for a delivery under way: after it nothing more is printed.
            subscription.close();
        }
        String last = printer.lastPrinted().orElseGet(subscription::lastSeenId);
        err.println("last event id " + last + " (resume with --from " + last + ")");
        err.flush();
    }

    /** A line for people: time, type, and who or which instance, then a message's text. */
    static String line(Output output, EventView event) {
        String who = event.user() != null ? event.user() : "instance " + event.instance();
        String line = output.time(event.at()) + "  " + String.format("%-9s", event.type()) + "  " + who;
        if (event.changes() != null) {
            return Table.printable(line + "  " + LiveCommands.attributes(event.changes()));
        }
        return Table.printable(event.text() == null ? line : line + "  " + event.text());
    }

    /** Prints each delivered event, on the subscription's thread. */
    private static final class Printer implements EventListener {
        private final Output output;
        private final PrintWriter err;
        private final Foreground foreground;
        private final long maxEvents;
        private final CompletableFuture<Subscription> subscription = new CompletableFuture<>();
        private long printed;
        private volatile String lastPrinted;
        private volatile boolean closedSubscription;
        private volatile boolean failing;

        Printer(Output output, PrintWriter err, Foreground foreground, long maxEvents) {
            this.output = output;
            this.err = err;
            this.foreground = foreground;
            this.maxEvents = maxEvents;
        }

        void subscribed(Subscription running) {
            subscription.complete(running);
        }

        @Override
        public void onEvent(MeetingEvent event) {
            // Every delivered event is printed, even while stopping: the subscription counts it as seen.
            failing = false;
            EventView view = EventView.of(event);
            output.line(view, line(output, view));
            lastPrinted = view.id();
            if (++printed == maxEvents) {
                // Closed from the listener, the subscription delivers nothing more after this event.
                subscription.join().close();
                closedSubscription = true;
                foreground.stop();
            }
        }

        /** The id of the last event printed, which is the subscription's last seen; empty if none was. */
        Optional<String> lastPrinted() {
            return Optional.ofNullable(lastPrinted);
        }

        /** Whether the listener closed the subscription itself (after --max-events). */
        boolean closedSubscription() {
            return closedSubscription;
        }

        @Override
        public void onGap(String oldestKeptId) {
            err.println("conference: the events right after --from are no longer kept (their instance's log"
                    + " has expired): some were missed; going on from " + oldestKeptId);
            err.flush();
        }

        @Override
        public void onError(ConferenceException error) {
            if (!failing && !foreground.stopping()) {
                failing = true;
                err.println(Secrets.mask("conference: " + ExitCodes.describe(error) + "; retrying"));
                err.flush();
            }
        }
    }
}
