package dev.conference.seed;

import dev.conference.seed.generate.GenerateSpec;
import dev.conference.seed.generate.Generator;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code conference-seed generate}: writes a random data set in the original format. */
@Command(
        name = "generate",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Writes users.json, meetings.json, meetings_instances.json and events_log.json with random"
                    + " records in the original tool's format. Instances are placed around now, so some are active;"
                    + " events lie before now. The same --random-seed gives the same records (and, at the same"
                    + " moment, the same files). Also writes messages.json, chat messages in this tool's"
                    + " extension of the format (--messages)."
        })
final class GenerateCommand implements Callable<Integer>, Verbosity {
    private final SeedEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Directory to write the files"
                    + " into (created if missing; files of the same names are replaced).")
    private Path out;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "100",
            description = "Users (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(
            names = "--meetings",
            paramLabel = "N",
            defaultValue = "20",
            description = "Meetings (default: ${DEFAULT-VALUE}).")
    private int meetings;

    @Option(
            names = "--instances",
            paramLabel = "N",
            description = "Meeting instances, spread over the meetings in"
                    + " turn, a week apart (default: one per meeting).")
    private Integer instances;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "200",
            description = "Events: visits that join and then leave, time out or stay (default: ${DEFAULT-VALUE}).")
    private int events;

    @Option(
            names = "--messages",
            paramLabel = "N",
            defaultValue = "0",
            description = "Chat messages, posted in instances that have started by users who may join them"
                    + " (default: ${DEFAULT-VALUE}).")
    private int messages;

    @Option(
            names = "--now",
            paramLabel = "TIME",
            description = "The moment the data is generated around: 2026-12-01T10:00:00Z, or a local"
                    + " date-time read in --zone (default: the current time).")
    private String now;

    @Option(
            names = "--random-seed",
            paramLabel = "S",
            description = "Seed of the random records (default: a new" + " one, printed so the run can be repeated).")
    private Long seed;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            converter = ZoneConverter.class,
            description = "Zone the local date-times are written in (default: the system zone).")
    private ZoneId zone;

    @Mixin
    private DisplayOptions display;

    GenerateCommand(SeedEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public boolean verbose() {
        return display.verbose();
    }

    @Override
    public Integer call() throws IOException {
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1L << 53);
        GenerateSpec wanted;
        try {
            wanted = new GenerateSpec(
                    users, meetings, instances != null ? instances : meetings, events, messages, chosenSeed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ZoneId writeZone = zone != null ? zone : environment.zone();
        Progress bar = display.progress(environment);
        long started = System.nanoTime();
        Clock clock = now == null ? environment.clock() : Clock.fixed(moment(now, writeZone), writeZone);
        Generator.Summary summary = new Generator(clock, writeZone).generate(out, wanted, bar);
        environment
                .out()
                .printf(
                        "wrote %s: %,d users, %,d meetings, %,d instances (%,d active now), %,d events,"
                                + " %,d messages in %.1f s; random seed %d, zone %s%n",
                        out,
                        summary.users(),
                        summary.meetings(),
                        summary.instances(),
                        summary.activeInstances(),
                        summary.events(),
                        summary.messages(),
                        (System.nanoTime() - started) / 1e9,
                        chosenSeed,
                        writeZone);
        return ExitCodes.OK;
    }

    /** {@code --now}: an instant with an offset, or a local date-time in {@code zone}. */
    private Instant moment(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--now must be a date-time like 2026-12-01T10:00:00Z or 2026-12-01T10:00:00, got '" + text
                                + "'");
            }
        }
    }
}
