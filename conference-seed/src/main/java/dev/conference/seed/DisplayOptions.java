package dev.conference.seed;

import dev.conference.seed.progress.Progress;
import dev.conference.seed.progress.TerminalProgress;
import picocli.CommandLine.Option;

/** The options every command shares about what it shows: a progress bar, stack traces. */
final class DisplayOptions {
    @Option(
            names = "--progress",
            negatable = true,
            description = "Show a progress bar on stderr (default: when" + " run in a terminal).")
    private Boolean progress;

    @Option(names = "--verbose", description = "Show the stack trace of a failure.")
    private boolean verbose;

    boolean verbose() {
        return verbose;
    }

    /** The progress bar asked for, else one when a person watches stderr. */
    Progress progress(SeedEnvironment environment) {
        boolean show = progress != null ? progress : environment.interactive();
        return show ? new TerminalProgress(environment.err()) : Progress.NONE;
    }
}
