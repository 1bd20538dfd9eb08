package dev.conference.cli;

import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.UnknownMeetingException;
import dev.conference.port.Conference;
import dev.conference.port.Directory;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the store. Subclasses only call the ports and print: connecting, failures
 * and exit codes are handled around them.
 */
abstract class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        run();
        return ExitCodes.SUCCESS;
    }

    /** Does the work; throws the domain's exceptions, which {@link ExitCodes} maps. */
    abstract void run();

    ConferenceCommand root() {
        return (ConferenceCommand) spec.root().userObject();
    }

    Directory directory() {
        return root().store().directory();
    }

    Conference conference() {
        return root().store().conference();
    }

    Output output() {
        return root().output();
    }

    /**
     * Where notes for a person go, beside the results; with {@code --json} nowhere, since a script
     * reads only the document it asked for.
     */
    PrintWriter notes() {
        return root().json()
                ? new PrintWriter(Writer.nullWriter())
                : root().environment().err();
    }

    Instant now() {
        return root().environment().clock().instant();
    }

    /** The meeting, for reads whose port answers an unknown meeting with an empty list ({@code instances}). */
    Meeting requireMeeting(MeetingId id) {
        return directory().meeting(id).orElseThrow(() -> new UnknownMeetingException(id));
    }
}
