package dev.conference.cli;

import dev.conference.model.MeetingId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Commands whose words are fixed but whose machinery (live subscriptions, the lifecycle scheduler) is
 * not in the library yet. They fail with exit 1 and say so, without connecting.
 */
final class PendingCommands {
    private PendingCommands() {
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Print the meeting's events live, until Ctrl-C (not available yet).")
    static final class Watch implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MEETING", description = "The meeting's id")
        MeetingId meeting;

        @Override
        public Integer call() {
            throw new NotAvailableException("watch needs live event subscriptions, which the library does not"
                    + " offer yet; 'conference events " + meeting + "' shows the log so far");
        }
    }

    @Command(name = "scheduler", mixinStandardHelpOptions = true,
            description = "Run the lifecycle scheduler until Ctrl-C (not available yet).")
    static final class Scheduler implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NotAvailableException("scheduler needs the lifecycle scheduler, which the library does not"
                    + " offer yet");
        }
    }
}
