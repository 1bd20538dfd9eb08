package dev.conference.bench;

import dev.conference.bench.BenchConfig.Section;
import dev.conference.port.ConferenceStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** One run: opens the server, runs the chosen sections in order and prints their tables. */
final class Bench {
    private final BenchConfig config;
    private final PrintStream out;
    private final Progress progress;

    Bench(BenchConfig config, PrintStream out, PrintStream progress) {
        this.config = config;
        this.out = out;
        this.progress = new Progress(progress);
    }

    void run() {
        long started = System.nanoTime();
        progress.step("starting");
        try (BenchServer server = BenchServer.open(config.redisUri())) {
            out.println("# conference-bench");
            out.println();
            out.println("- machine: " + Machine.describe());
            out.println("- load average at start (1/5/15 min): " + Machine.load());
            out.println("- server: " + server.describe());
            out.println("- sizes: " + config.throughput());
            out.println("        " + config.latency());
            out.println("        " + config.memory());
            out.println("        " + config.scheduler());
            out.println();
            if (config.sections().contains(Section.THROUGHPUT)
                    || config.sections().contains(Section.CPU)
                    || config.sections().contains(Section.LATENCY)) {
                try (ConferenceStore store = server.openStore()) {
                    progress.step("setting up the fixture");
                    Fixture fixture = Fixture.create(store, config.throughput());
                    if (config.sections().contains(Section.THROUGHPUT)) {
                        throughput(server, store, fixture);
                    }
                    if (config.sections().contains(Section.CPU)) {
                        CpuBench cpu = new CpuBench(
                                config.throughput(), server, fixture, new LibraryWorkload(store.async()), progress);
                        section("Server CPU per operation, library beside the minimal script", cpu.run(), cpu.notes());
                    }
                    if (config.sections().contains(Section.LATENCY)) {
                        section(
                                "Latency, one call at a time",
                                new LatencyBench(config.latency(), server, store.conference(), fixture, progress).run(),
                                List.of());
                    }
                }
            }
            if (config.sections().contains(Section.MEMORY)) {
                MemoryBench memory = new MemoryBench(config.memory(), server, progress);
                section("Memory (INFO memory used_memory deltas)", memory.run(), List.of());
                section(
                        "Memory by part of the layout (MEMORY USAGE SAMPLES 0, growth per item)",
                        memory.breakdown(),
                        List.of("per event: joins and leaves together; its replay records are the leaves', doubled"));
            }
            if (config.sections().contains(Section.SCHEDULER)) {
                SchedulerBench scheduler = new SchedulerBench(config.scheduler(), server, progress);
                section(
                        "Scheduler (lifecycle passes and MeetingScheduler)",
                        scheduler.run(),
                        List.of(scheduler.setting()));
            }
        }
        out.printf(
                "load average at end (1/5/15 min): %s; total time: %d s%n",
                Machine.load(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void throughput(BenchServer server, ConferenceStore store, Fixture fixture) {
        RawScripts scripts = new RawScripts(server.admin());
        Workload library = new LibraryWorkload(store.async());
        Workload raw = new RawWorkload(server.raw(), scripts, null);
        Workload rawScriptAlone = new RawWorkload(server.raw(), scripts, Fixture::email);
        ThroughputBench bench =
                new ThroughputBench(config.throughput(), fixture, library, raw, rawScriptAlone, progress);
        Table table = bench.run();
        section("Throughput, operations in flight = callers", table, bench.errors());
    }

    private void section(String title, Table table, List<String> notes) {
        out.println("## " + title);
        out.println();
        out.print(table.render());
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(note -> out.println("- " + note));
        }
        out.println();
        out.flush();
    }
}
