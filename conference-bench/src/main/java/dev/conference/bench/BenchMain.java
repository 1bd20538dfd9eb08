package dev.conference.bench;

import java.io.PrintStream;

/**
 * Runs the benchmark and prints its tables (Markdown) on standard output, progress on standard error.
 * Exit codes: 0 done, 2 bad command line, 3 the server cannot be used.
 */
public final class BenchMain {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int SERVER = 3;

    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchConfig config;
        try {
            config = BenchArguments.parse(args);
        } catch (UsageException e) {
            err.println("conference-bench: " + e.getMessage());
            return USAGE;
        }
        if (config == null) {
            out.println(BenchArguments.USAGE);
            return OK;
        }
        try {
            new Bench(config, out, err).run();
            return OK;
        } catch (ServerException e) {
            err.println("conference-bench: " + e.getMessage());
            return SERVER;
        }
    }
}
