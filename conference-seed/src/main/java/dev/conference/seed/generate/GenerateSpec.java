package dev.conference.seed.generate;

/**
 * How much to generate and from which random seed. Instances are spread over the meetings in turn, so
 * with as many instances as meetings each meeting has one.
 *
 * @param users     1 or more when there are meetings (an audience is made of users)
 * @param meetings  1 or more when there are instances or events
 * @param instances 0 or more
 * @param events    0 or more
 * @param messages  0 or more: chat messages, in instances that have started
 * @param seed      the same seed gives the same records
 */
public record GenerateSpec(int users, int meetings, int instances, int events, int messages, long seed) {
    /** Far below the 62^8 ids that 8 characters can tell apart. */
    public static final int MAX_COUNT = 100_000_000;

    public GenerateSpec {
        requireCount("users", users);
        requireCount("meetings", meetings);
        requireCount("instances", instances);
        requireCount("events", events);
        requireCount("messages", messages);
        if (meetings > 0 && users == 0) {
            throw new IllegalArgumentException("meetings need users for their audience: give --users 1 or more");
        }
        if ((instances > 0 || events > 0) && meetings == 0) {
            throw new IllegalArgumentException("instances and events need meetings: give --meetings 1 or more");
        }
        if (messages > 0 && instances == 0) {
            throw new IllegalArgumentException("messages need instances to be posted in: give --instances 1 or more");
        }
    }

    private static void requireCount(String name, int value) {
        if (value < 0 || value > MAX_COUNT) {
            throw new IllegalArgumentException("--" + name + " must be between 0 and " + MAX_COUNT + ", got " + value);
        }
    }
}
