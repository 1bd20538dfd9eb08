package dev.conference.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The library's key layout (conference-redis README, "Key schema"), spelled out again for the raw
 * baseline so it sends the very keys the library sends. If the schema changes there, it changes here.
 */
final class RawKeys {
    static final String PREFIX = "conference:";

    private RawKeys() {}

    static String user(String id) {
        return PREFIX + "user:{" + tag(id) + "}";
    }

    static String meeting(String id) {
        return PREFIX + "meeting:{" + tag(id) + "}";
    }

    static String audience(String meeting) {
        return meeting(meeting) + ":audience";
    }

    static String starts(String meeting) {
        return meeting(meeting) + ":starts";
    }

    static String ends(String meeting) {
        return meeting(meeting) + ":ends";
    }

    static String ended(String meeting) {
        return meeting(meeting) + ":ended";
    }

    static String started(String meeting) {
        return meeting(meeting) + ":started";
    }

    /**
     * The two lists that keep replies for re-sent commands whose window is the default replay
     * window (10 s, so a span of 16 s), whichever period of it is current.
     */
    static String replayEven(String meeting) {
        return meeting(meeting) + ":replies:16:0";
    }

    static String replayOdd(String meeting) {
        return meeting(meeting) + ":replies:16:1";
    }

    static String ofInstance(String meeting, String order, String what) {
        return meeting(meeting) + ":" + order + ":" + what;
    }

    /** A user's id after others in a key name (the erased marker): its length, a colon, the id. */
    static String userField(String user) {
        return user.length() + ":" + user;
    }

    static String[] instanceIndex() {
        String base = PREFIX + "{instance-index}:";
        return new String[] {base + "upcoming", base + "active", base + "spans", base + "announce", base + "versions"};
    }

    /**
     * The listings of users and of meetings (each its bounds, its buckets and its hash of changes under
     * way: see listing-prelude.lua); {@code bounds} reads a listing's bounds.
     */
    static List<String> listings(Function<String, List<String>> bounds) {
        List<String> keys = new ArrayList<>();
        for (String tag : List.of("{users}", "{meetings}")) {
            String listing = PREFIX + tag + ":listing";
            keys.add(listing);
            keys.add(PREFIX + tag + ":pending");
            keys.add(listing + ":");
            for (String bound : bounds.apply(listing)) {
                keys.add(listing + ":" + bound);
            }
        }
        return keys;
    }

    private static String tag(String id) {
        return id.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
    }
}
