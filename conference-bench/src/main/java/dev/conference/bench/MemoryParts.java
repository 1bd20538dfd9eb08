package dev.conference.bench;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where the bytes go: the memory of each part of the library's layout (a family of keys, as
 * conference-redis/README.md's key schema names them) summed with {@code MEMORY USAGE key SAMPLES 0}
 * (every element counted, not a sample), snapshot by snapshot, so that a phase's growth per item can
 * be split by what holds it.
 */
final class MemoryParts {
    /** One part: a name and the keys that hold it. */
    record Part(String name, Supplier<List<String>> keys) {}

    private final BenchServer server;
    private final List<Part> parts;
    private final Map<String, long[]> snapshots = new LinkedHashMap<>();

    MemoryParts(BenchServer server, List<Part> parts) {
        this.server = server;
        this.parts = List.copyOf(parts);
    }

    /** Records every part's bytes now, under {@code name}. */
    void snapshot(String name) {
        long[] bytes = new long[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            List<String> keys = parts.get(i).keys().get();
            List<CompletableFuture<Long>> pending = new ArrayList<>(Math.min(keys.size(), 10_000));
            for (String key : keys) {
                pending.add(usage(key));
                if (pending.size() == 10_000) {
                    bytes[i] += sum(pending);
                    pending.clear();
                }
            }
            bytes[i] += sum(pending);
        }
        snapshots.put(name, bytes);
    }

    /** Per part: its growth from snapshot {@code from} to {@code to} divided by {@code items}. */
    double[] perItem(String from, String to, double items) {
        long[] a = snapshots.get(from);
        long[] b = snapshots.get(to);
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (b[i] - a[i]) / items;
        }
        return out;
    }

    List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    private CompletableFuture<Long> usage(String key) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8)
                .add("USAGE")
                .addKey(key)
                .add("SAMPLES")
                .add(0);
        return server.adminAsync()
                .dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8), args)
                .toCompletableFuture();
    }

    private static long sum(List<CompletableFuture<Long>> pending) {
        long total = 0;
        for (CompletableFuture<Long> usage : pending) {
            Long bytes = usage.join();
            total += bytes == null ? 0 : bytes;
        }
        return total;
    }
}
