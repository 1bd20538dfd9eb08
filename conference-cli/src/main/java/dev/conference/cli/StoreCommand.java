package dev.conference.cli;

import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.Page;
import dev.conference.model.UnknownMeetingException;
import dev.conference.port.Conference;
import dev.conference.port.Directory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

    Instant now() {
        return root().environment().clock().instant();
    }

    /** The meeting, for reads whose port answers an unknown meeting with an empty list ({@code instances}). */
    Meeting requireMeeting(MeetingId id) {
        return directory().meeting(id).orElseThrow(() -> new UnknownMeetingException(id));
    }

    /** Every item of a paged listing, or the first {@code limit}. */
    static <T> List<T> readAll(Integer limit, Function<Page, List<T>> read, Function<T, String> id) {
        if (limit != null && limit < 1) {
            throw new InvalidInputException("--limit must be 1 or more, got " + limit);
        }
        int wanted = limit == null ? Integer.MAX_VALUE : limit;
        List<T> all = new ArrayList<>();
        Page page = Page.first(Math.min(wanted, 1_000));
        while (all.size() < wanted) {
            List<T> slice = read.apply(page);
            all.addAll(slice.subList(0, Math.min(slice.size(), wanted - all.size())));
            if (slice.size() < page.limit()) {
                break;
            }
            page = page.next(id.apply(slice.get(slice.size() - 1)));
        }
        return all;
    }
}
