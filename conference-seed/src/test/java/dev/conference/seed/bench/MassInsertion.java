package dev.conference.seed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.seed.format.JsonRecords;
import dev.conference.seed.format.SeedFiles;
import io.lettuce.core.RedisURI;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's anchor: Redis's own bulk path, {@code redis-cli --pipe}, fed the same records in
 * the original tool's layout (one HSET of all fields per user, meeting and instance under
 * {@code <file>_<position>}, one RPUSH of the record's JSON per event and per message), as RESP
 * written beforehand. Nothing is checked or indexed: the minimal commands that record the same facts.
 */
final class MassInsertion {
    private MassInsertion() {}

    /** Writes the commands for the files of {@code dir} into {@code out}; returns how many. */
    static long writeCommands(Path dir, Path out) throws Exception {
        SeedFiles files = new SeedFiles(dir);
        long[] commands = {0};
        try (OutputStream resp = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (Path file : List.of(files.users(), files.meetings(), files.instances())) {
                String entity = file.getFileName().toString().replace(".json", "");
                JsonRecords.forEach(file, (position, record, bytes) -> {
                    List<String> args = new ArrayList<>(List.of("HSET", entity + "_" + position.index()));
                    for (Map.Entry<String, JsonNode> field : record.properties()) {
                        args.add(field.getKey());
                        args.add(text(field.getValue()));
                    }
                    write(resp, args);
                    commands[0]++;
                });
            }
            for (Path file : List.of(files.events(), files.messages())) {
                if (!Files.exists(file)) {
                    continue;
                }
                String id = file.equals(files.events()) ? "event_id" : "message_id";
                String list = file.equals(files.events()) ? "events_log_" : "messages_";
                JsonRecords.forEach(file, (position, record, bytes) -> {
                    write(resp, List.of("RPUSH", list + record.get(id).asText(), record.toString()));
                    commands[0]++;
                });
            }
        }
        return commands[0];
    }

    /**
     * Runs {@code redis-cli --pipe} with the commands against the server of {@code uri}; returns its
     * wall time in seconds, or -1 when redis-cli is not installed (apt-get install redis-tools).
     */
    static double pipe(String uri, Path commands) throws Exception {
        RedisURI server = RedisURI.create(uri);
        ProcessBuilder builder = new ProcessBuilder(
                        "redis-cli", "-h", server.getHost(), "-p", Integer.toString(server.getPort()), "--pipe")
                .redirectInput(commands.toFile())
                .redirectErrorStream(true);
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return -1;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("errors: 0")) {
            throw new IllegalStateException("redis-cli --pipe failed: " + output);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String text(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return String.join("|", items);
    }

    private static void write(OutputStream out, List<String> args) {
        try {
            StringBuilder command =
                    new StringBuilder().append('*').append(args.size()).append("\r\n");
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                command.append('$')
                        .append(bytes.length)
                        .append("\r\n")
                        .append(arg)
                        .append("\r\n");
            }
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
