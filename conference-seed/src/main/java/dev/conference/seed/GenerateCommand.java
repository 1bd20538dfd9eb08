package dev.conference.seed;

import dev.conference.seed.generate.GenerateSpec;
import dev.conference.seed.generate.Generator;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
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
                    + " moment, the same files)."
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
            wanted = new GenerateSpec(users, meetings, instances != null ? instances : meetings, events, chosenSeed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ZoneId writeZone = zone != null ? zone : environment.zone();
        Progress bar = display.progress(environment);
        long started = System.nanoTime();
        Generator.Summary summary = new Generator(environment.clock(), writeZone).generate(out, wanted, bar);
        environment
                .out()
                .printf(
                        "wrote %s: %,d users, %,d meetings, %,d instances (%,d active now), %,d events"
                                + " in %.1f s; random seed %d, zone %s%n",
                        out,
                        summary.users(),
                        summary.meetings(),
                        summary.instances(),
                        summary.activeInstances(),
                        summary.events(),
                        (System.nanoTime() - started) / 1e9,
                        chosenSeed,
                        writeZone);
        return ExitCodes.OK;
    }
}
