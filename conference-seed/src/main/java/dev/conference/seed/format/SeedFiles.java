package dev.conference.seed.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files of a data set in one directory: the original tool's four, named as it named them, and
 * {@code messages.json}, this tool's extension of the format, which a data set may leave out. Their
 * order is the order they are validated and loaded in: each may refer only to the ones before it.
 *
 * @param dir the directory; not null
 */
public record SeedFiles(Path dir) {
    public static final String USERS = "users.json";
    public static final String MEETINGS = "meetings.json";
    public static final String INSTANCES = "meetings_instances.json";
    public static final String EVENTS = "events_log.json";
    public static final String MESSAGES = "messages.json";

    public SeedFiles {
        Objects.requireNonNull(dir, "dir");
    }

    public Path users() {
        return dir.resolve(USERS);
    }

    public Path meetings() {
        return dir.resolve(MEETINGS);
    }

    public Path instances() {
        return dir.resolve(INSTANCES);
    }

    public Path events() {
        return dir.resolve(EVENTS);
    }

    /** Optional: a data set without chat leaves it out. */
    public Path messages() {
        return dir.resolve(MESSAGES);
    }

    /** The files every data set has. */
    public List<Path> all() {
        return List.of(users(), meetings(), instances(), events());
    }
}
