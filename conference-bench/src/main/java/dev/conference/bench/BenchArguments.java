package dev.conference.bench;

import dev.conference.bench.BenchConfig.Section;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads the command line into a {@link BenchConfig}. */
final class BenchArguments {
    static final String USAGE = """
            usage: java -jar conference-bench.jar [--redis URI] [--quick] [--sections LIST]
              --redis URI      measure this server instead of an embedded one; the database in the URI
                               must be empty (it is flushed while measuring and at the end),
                               e.g. redis://localhost:6379/15
              --quick          tiny sizes (seconds): checks the harness runs, the figures mean nothing
              --sections LIST  comma-separated subset of throughput,cpu,latency,memory,scheduler
                               (default: all)""";

    private BenchArguments() {}

    /** Returns null when help was asked for. */
    static BenchConfig parse(String[] args) {
        String redis = null;
        boolean quick = false;
        Set<Section> sections = EnumSet.allOf(Section.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--quick" -> quick = true;
                case "--redis" -> redis = value(args, ++i, "--redis");
                case "--sections" -> sections = sections(value(args, ++i, "--sections"));
                default -> throw new UsageException("unknown option '" + args[i] + "' (try --help)");
            }
        }
        return quick ? BenchConfig.quick(redis, sections) : BenchConfig.standard(redis, sections);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].isBlank()) {
            throw new UsageException(option + " needs a value (try --help)");
        }
        return args[index];
    }

    private static Set<Section> sections(String list) {
        Set<Section> out = EnumSet.noneOf(Section.class);
        for (String name : list.split(",")) {
            try {
                out.add(Section.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sections: unknown section '" + name.trim()
                        + "', expected throughput, cpu, latency, memory or scheduler");
            }
        }
        return out;
    }
}
