package dev.conference.seed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conference.local.LocalRedis;
import dev.conference.seed.SeedEnvironment;
import dev.conference.seed.SeedMain;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A measurement, not a test (surefire does not pick it up): generates a data set, loads it with
 * {@code conference-seed load} against a local Redis, then loads the same files the way the original
 * Python tool did, record by record, and prints both figures.
 *
 * <p>Run through {@link SeedBenchmarkTest} (see README.md), or as a main class on the test class path.
 *
 * Options: {@code --users --meetings --instances --events --messages} (counts), {@code --redis URI} (default: a
 * fresh local Redis on a free port), {@code --batch-size --threads} (passed to load), {@code --skip-original}.
 * The server is emptied (FLUSHALL) before each run: point it at a server you can wipe.
 */
public final class SeedBenchmark {
    private SeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--users",
                "1000000",
                "--meetings",
                "100000",
                "--instances",
                "100000",
                "--events",
                "1000000",
                "--messages",
                "1000000",
                "--batch-size",
                "2000",
                "--threads",
                "2"));
        boolean original = true;
        String redis = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--skip-original" -> original = false;
                case "--redis" -> redis = args[++i];
                default -> options.put(args[i], args[++i]);
            }
        }
        LocalRedis local = redis == null ? LocalRedis.ephemeral() : null;
        String uri = redis != null ? redis : local.uri();
        Path dir = Files.createTempDirectory("seed-bench");
        PrintWriter out = new PrintWriter(System.out, true);
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            out.printf(
                    "machine: %d cores, Java %s, max heap %d MiB; Redis %s at %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20,
                    admin.sync()
                            .info("server")
                            .lines()
                            .filter(line -> line.startsWith("redis_version"))
                            .findFirst()
                            .orElse("?"),
                    uri);
            SeedEnvironment environment = new SeedEnvironment(
                    Map.of(),
                    dir,
                    Clock.systemUTC(),
                    ZoneId.systemDefault(),
                    false,
                    out,
                    new PrintWriter(System.err, true));

            long started = System.nanoTime();
            int generated = SeedMain.run(
                    environment,
                    "generate",
                    "--out",
                    dir.toString(),
                    "--random-seed",
                    "1",
                    "--users",
                    options.get("--users"),
                    "--meetings",
                    options.get("--meetings"),
                    "--instances",
                    options.get("--instances"),
                    "--events",
                    options.get("--events"),
                    "--messages",
                    options.get("--messages"));
            double generateSeconds = seconds(started);
            require(generated == 0, "generate failed");
            out.printf("files: %,d MiB; load average %s%n", directorySize(dir) >> 20, loadAverage());

            // The anchor first: Redis's own mass insertion of the same records, minimal layout.
            Path resp = dir.resolve("mass-insertion.resp");
            long commandCount = MassInsertion.writeCommands(dir, resp);
            admin.sync().flushall();
            double massSeconds = MassInsertion.pipe(uri, resp);
            long massMemory = usedMemory(admin);
            Files.delete(resp);
            if (massSeconds < 0) {
                out.println("redis-cli not found (apt-get install redis-tools): no anchor measured");
            } else {
                out.printf(
                        "redis-cli --pipe, %,d commands (one HSET per user, meeting and instance, one RPUSH per"
                                + " event and message): %.1f s, %,d MiB in Redis; load average %s%n",
                        commandCount, massSeconds, massMemory >> 20, loadAverage());
            }

            // conference-seed load in a JVM of its own: its start, the check pass and the history included.
            admin.sync().flushall();
            started = System.nanoTime();
            Process load = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.conference.seed.SeedMain",
                            "load",
                            dir.toString(),
                            "--redis",
                            uri,
                            "--no-progress",
                            "--batch-size",
                            options.get("--batch-size"),
                            "--threads",
                            options.get("--threads"))
                    .redirectOutput(dir.resolve("load.out").toFile())
                    .redirectError(dir.resolve("load.err").toFile())
                    .start();
            int loaded = load.waitFor();
            double loadSeconds = seconds(started);
            require(loaded == 0, "load failed: " + Files.readString(dir.resolve("load.err")));
            out.print(Files.readString(dir.resolve("load.out")));
            long keys = admin.sync().dbsize();
            out.printf(
                    "%nconference-seed: generate %.1f s; load %.1f s (%,d keys, %,d MiB in Redis); load average %s%n",
                    generateSeconds, loadSeconds, keys, usedMemory(admin) >> 20, loadAverage());
            if (massSeconds > 0) {
                out.printf("load / redis-cli --pipe: %.1fx (goal: 3x at most)%n", loadSeconds / massSeconds);
            }

            if (original) {
                admin.sync().flushall();
                started = System.nanoTime();
                long commands = originalOneRoundTripEach(admin, dir);
                double oneByOne = seconds(started);
                out.printf(
                        "original approach, one command and round trip per record: %.1f s (%,d commands);"
                                + " load average %s%n",
                        oneByOne, commands, loadAverage());

                admin.sync().flushall();
                started = System.nanoTime();
                commands = originalPipelinedHsetPerField(client, dir);
                double pipelined = seconds(started);
                out.printf(
                        "original helper, one HSET per field, all in one pipeline: %.1f s (%,d commands);"
                                + " load average %s%n",
                        pipelined, commands, loadAverage());
            }
            admin.sync().flushall();
        } finally {
            client.shutdown();
            if (local != null) {
                local.close();
            }
            deleteTree(dir);
        }
    }

    /**
     * Like the original tool's interactive functions: each record its own command, waiting for each
     * reply (a user, meeting or instance is one HSET of all its fields under {@code <file>_<position>};
     * an event is one RPUSH of its JSON to its own list). Files are read whole, as {@code json.load} does.
     */
    private static long originalOneRoundTripEach(StatefulRedisConnection<String, String> connection, Path dir)
            throws IOException {
        RedisCommands<String, String> redis = connection.sync();
        ObjectMapper json = new ObjectMapper();
        long commands = 0;
        for (String entity : List.of("users", "meetings", "meetings_instances")) {
            JsonNode records = json.readTree(dir.resolve(entity + ".json").toFile());
            for (int position = 0; position < records.size(); position++) {
                redis.hset(entity + "_" + position, flatten(records.get(position)));
                commands++;
            }
        }
        JsonNode events = json.readTree(dir.resolve("events_log.json").toFile());
        for (JsonNode event : events) {
            redis.rpush("events_log_" + event.get("event_id").asText(), event.toString());
            commands++;
        }
        return commands;
    }

    /**
     * Like the original's {@code load_redis}: every field of every record one HSET under
     * {@code <file>_<position>}, lists joined with '|', all queued in one pipeline sent at the end.
     */
    private static long originalPipelinedHsetPerField(RedisClient client, Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long commands = 0;
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> redis = connection.async();
            List<RedisFuture<Boolean>> replies = new ArrayList<>();
            for (String entity : List.of("users", "events_log", "meetings", "meetings_instances")) {
                JsonNode records = json.readTree(dir.resolve(entity + ".json").toFile());
                for (int position = 0; position < records.size(); position++) {
                    for (Map.Entry<String, String> field :
                            flatten(records.get(position)).entrySet()) {
                        replies.add(redis.hset(entity + "_" + position, field.getKey(), field.getValue()));
                        commands++;
                    }
                }
            }
            connection.flushCommands();
            for (RedisFuture<Boolean> reply : replies) {
                reply.get(60, TimeUnit.SECONDS);
            }
        }
        return commands;
    }

    private static Map<String, String> flatten(JsonNode record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                fields.put(field.getKey(), String.join("|", items));
            } else {
                fields.put(field.getKey(), value.asText());
            }
        }
        return fields;
    }

    private static long usedMemory(StatefulRedisConnection<String, String> admin) {
        return admin.sync()
                .info("memory")
                .lines()
                .filter(line -> line.startsWith("used_memory:"))
                .mapToLong(line ->
                        Long.parseLong(line.substring("used_memory:".length()).trim()))
                .findFirst()
                .orElse(0);
    }

    /** The machine's 1, 5 and 15 minute load averages: other work on the machine skews the figures. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static long directorySize(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) {
        File[] files = dir.toFile().listFiles();
        if (files != null) {
            for (File file : files) {
                file.delete();
            }
        }
        dir.toFile().delete();
    }
}
