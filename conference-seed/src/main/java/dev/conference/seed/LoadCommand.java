package dev.conference.seed;

import dev.conference.local.StoreLocation;
import dev.conference.redis.RedisOptions;
import dev.conference.seed.format.SeedFiles;
import dev.conference.seed.load.Loader;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code conference-seed load}: checks a data set, then stores it through the ports. */
@Command(
        name = "load",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Checks the four files of DIR in full, then stores users, meetings and instances (upserts by"
                    + " id: loading again changes nothing), and joins the users the event log shows present in"
                    + " instances active now. Any invalid record: nothing is stored, unless --skip-invalid.",
            "Exit codes: 0 loaded; 2 usage error or invalid input; 1 any other failure (Redis unreachable)."
        })
final class LoadCommand implements Callable<Integer>, Verbosity {
    private final SeedEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "DIR",
            description = "Directory with users.json, meetings.json," + " meetings_instances.json and events_log.json.")
    private Path dir;

    @Option(
            names = "--redis",
            paramLabel = "URI",
            description = "Redis to load into, redis://[user:password@]host:port"
                    + "[/db] or rediss://... (default: REDIS_URL, else the embedded Redis the conference CLI uses).")
    private String redis;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory of the embedded Redis"
                    + " (default: ~/.conference/redis, shared with the conference CLI).")
    private Path dataDir;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            converter = ZoneConverter.class,
            description = "Zone the files' local date-times are read in (default: the system zone).")
    private ZoneId zone;

    @Option(
            names = "--skip-invalid",
            description = "Store the valid records even if some are invalid (each invalid" + " one is still reported).")
    private boolean skipInvalid;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "" + Loader.DEFAULT_BATCH_SIZE,
            description = "Records per pipelined batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "" + Loader.DEFAULT_THREADS,
            description = "Batches in flight at once (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Mixin
    private DisplayOptions display;

    LoadCommand(SeedEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public boolean verbose() {
        return display.verbose();
    }

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1 || threads < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--batch-size and --threads must be 1 or more");
        }
        SeedFiles files = new SeedFiles(dir);
        for (Path file : files.all()) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        PrintWriter out = environment.out();
        PrintWriter err = environment.err();
        ZoneId readZone = zone != null ? zone : environment.zone();
        Progress bar = display.progress(environment);
        Loader loader = new Loader(files, readZone, batchSize, threads, err, bar);

        long started = System.nanoTime();
        Loader.Check check = loader.check();
        out.printf(
                "checked %s: %,d users, %,d meetings, %,d instances, %,d events, %,d messages (local times in %s);"
                        + " %,d invalid%s (%.1f s)%n",
                dir,
                check.users(),
                check.meetings(),
                check.instances(),
                check.events(),
                check.messages(),
                readZone.equals(ZoneOffset.UTC) ? "UTC" : readZone,
                check.invalid(),
                check.malformed().isEmpty()
                        ? ""
                        : "; malformed: "
                                + check.malformed().stream()
                                        .map(file -> file.getFileName().toString())
                                        .collect(Collectors.joining(", ")),
                (System.nanoTime() - started) / 1e9);
        if (!check.malformed().isEmpty()) {
            err.println("nothing stored: a file is not a well-formed JSON array (see above)");
            return ExitCodes.INVALID_INPUT;
        }
        if (check.invalid() > 0 && !skipInvalid) {
            err.printf(
                    "nothing stored: %,d invalid records (see above); --skip-invalid stores the %,d valid ones%n",
                    check.invalid(), check.valid());
            return ExitCodes.INVALID_INPUT;
        }

        StoreLocation location = StoreLocation.resolve(redis, dataDir, environment.variables(), environment.home());
        Loader.Store stored;
        try (StoreLocation.OpenedStore opened = location.open(RedisOptions.defaults())) {
            stored = loader.store(opened.store());
        }
        out.printf(
                "stored %,d users, %,d meetings, %,d instances in %s (%.1f s)%n",
                stored.users(), stored.meetings(), stored.instances(), location, stored.seconds());
        out.printf("events: %s%n", stored.events());
        out.printf("messages: %s%n", stored.messages());
        out.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (check.invalid() > 0) {
            err.printf("skipped %,d invalid records (see above)%n", check.invalid());
        }
        if (stored.refused() > 0) {
            err.printf("the store refused %,d instances (see above)%n", stored.refused());
            return skipInvalid ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.OK;
    }
}
