package dev.conference.cli;

import dev.conference.cli.Views.TickView;
import dev.conference.port.ConferenceStore;
import dev.conference.scheduler.MeetingScheduler;
import dev.conference.scheduler.SchedulerOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code scheduler}: runs the store's lifecycle passes on a tick in the foreground until Ctrl-C. A line
 * on stdout for each tick that did something; start, stop and trouble on stderr.
 */
@Command(
        name = "scheduler",
        mixinStandardHelpOptions = true,
        description = {
            "Run the lifecycle scheduler until Ctrl-C.",
            "Instances start and end on time and lapsed presence leases are removed;",
            "any number of schedulers may run against one Redis. Prints a line for",
            "each tick that handled something: the starts, ends and presence leases",
            "that came due (with --json, one JSON object per line: JSON Lines)."
        })
final class SchedulerCommand extends StoreCommand {
    @Option(
            names = "--tick",
            paramLabel = "DURATION",
            description = {"Time between passes, e.g. 500ms or 2s (default: 500ms:", "instances end within a second)"})
    Duration tick;

    // Hidden: tests and scripts stop the scheduler as Ctrl-C would.
    @Option(names = "--for", hidden = true, paramLabel = "DURATION", description = "Stop after this long")
    Duration limit;

    @Override
    void run() {
        root().requireOwnProcess(spec);
        if (tick != null && (tick.isNegative() || tick.isZero())) {
            throw new ParameterException(
                    spec.commandLine(), "--tick must be longer than zero, got " + DurationArgument.format(tick));
        }
        CliEnvironment environment = root().environment();
        SchedulerOptions options = SchedulerOptions.defaults().withClock(environment.clock());
        if (tick != null) {
            options = options.withTick(tick);
        }
        ConferenceStore store = root().store();
        Foreground foreground = Foreground.untilInterrupted(root().session());
        Printer printer = new Printer(output(), environment.err(), foreground, root().verbose());
        PrintWriter err = environment.err();
        err.println("scheduler running on "
                + root().session().location().map(Object::toString).orElse("?") + ", a tick every "
                + DurationArgument.format(options.tick()) + "; Ctrl-C to stop");
        err.flush();
        try (MeetingScheduler scheduler = MeetingScheduler.start(store.lifecycle(), options, new TickReport(printer))) {
            foreground.await(limit);
        }
        err.println("scheduler stopped; handled " + printer.totals() + " in all");
        err.flush();
    }

    /** Prints what the ticks did, on the scheduler's thread. */
    private static final class Printer implements TickReport.Report {
        private final Output output;
        private final PrintWriter err;
        private final Foreground foreground;
        private final boolean verbose;
        private long starts;
        private long ends;
        private long leases;

        Printer(Output output, PrintWriter err, Foreground foreground, boolean verbose) {
            this.output = output;
            this.err = err;
            this.foreground = foreground;
            this.verbose = verbose;
        }

        @Override
        public void tick(Instant now, int startsNow, int endsNow, int leasesNow) {
            starts += startsNow;
            ends += endsNow;
            leases += leasesNow;
            output.line(
                    new TickView(now, startsNow, endsNow, leasesNow),
                    output.time(now) + "  handled " + counts(startsNow, endsNow, leasesNow, false));
        }

        @Override
        public void failing(RuntimeException failure) {
            if (foreground.stopping()) {
                // On Ctrl-C the embedded server may stop first; nothing to tell.
                return;
            }
            err.println(
                    Secrets.mask("conference: scheduler: " + ExitCodes.describe(failure) + "; retrying every tick"));
            if (verbose) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                err.print(Secrets.mask(trace.toString()));
            }
            err.flush();
        }

        @Override
        public void recovered() {
            err.println("conference: scheduler: the store answers again");
            err.flush();
        }

        /** What every tick did together; read once the scheduler has stopped. */
        String totals() {
            return counts(starts, ends, leases, true);
        }

        private static String counts(long starts, long ends, long leases, boolean all) {
            List<String> parts = new ArrayList<>();
            if (all || starts > 0) {
                parts.add(plural(starts, "start"));
            }
            if (all || ends > 0) {
                parts.add(plural(ends, "end"));
            }
            if (all || leases > 0) {
                parts.add(plural(leases, "presence lease"));
            }
            return String.join(", ", parts);
        }

        private static String plural(long count, String noun) {
            return count + " " + noun + (count == 1 ? "" : "s");
        }
    }
}
