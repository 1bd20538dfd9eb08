package dev.conference.redis;

import dev.conference.model.MeetingId;
import dev.conference.model.UserId;

/**
 * The key schema (see package-info for the table). Every key of one meeting carries the meeting's id
 * as its hash tag, so a script over them stays in one Redis Cluster slot. Inside the tag the id is
 * percent-encoded for {@code %}, <code>{</code> and <code>}</code> only: the tag cannot end early and two ids never
 * share a key, while ordinary ids stay readable.
 */
final class Keys {
    private final String prefix;

    Keys(String prefix) {
        this.prefix = prefix;
    }

    String user(UserId id) {
        return prefix + "user:{" + tag(id.value()) + "}";
    }

    /**
     * Where the layout before kept the instances the user joined ("n|meeting id" -> count); they are
     * now noted in the user's own hash (see note-joined.lua). Only deleteUser still reads it.
     */
    String joinedIn(UserId id) {
        return user(id) + ":joined-in";
    }

    /**
     * A user's id in a key name after others (the erased marker): the length prefix keeps names apart
     * whatever the ids hold, so no id can end where another begins.
     */
    static String userField(UserId user) {
        return user.value().length() + ":" + user.value();
    }

    /** Every user id, and the ids with a change under way (see Listing); one tag, one slot. */
    ListingKeys users() {
        return new ListingKeys(prefix + "{users}:listing", prefix + "{users}:pending", prefix + "{users}");
    }

    /** Every meeting id, and the ids with a change under way. */
    ListingKeys meetings() {
        return new ListingKeys(prefix + "{meetings}:listing", prefix + "{meetings}:pending", prefix + "{meetings}");
    }

    /**
     * A listing (the bounds of its buckets, each bucket a small sorted set of ids named after the
     * listing and its bound: see listing-prelude.lua), its hash of marks: id -> mark of a change
     * under way, and the one sorted set of every id that an earlier layout kept (adopt-listing.lua).
     */
    record ListingKeys(String listing, String pending, String earlier) {
        String[] both() {
            return new String[] {listing, pending};
        }
    }

    MeetingKeys meeting(MeetingId id) {
        return new MeetingKeys(prefix + "meeting:{" + tag(id.value()) + "}");
    }

    /** The cross-meeting index of instances not yet ended; its keys share one tag of their own. */
    InstanceIndex instanceIndex() {
        String base = prefix + "{instance-index}:";
        return new InstanceIndex(
                base + "upcoming", base + "active", base + "spans", base + "announce", base + "versions");
    }

    /**
     * The keys of the instance index (see index-instance.lua): instances not yet seen started, those
     * started, each one's span, those whose STARTED is still to be logged, and the version of the save
     * each entry comes from.
     */
    record InstanceIndex(String upcoming, String active, String spans, String announce, String versions) {
        String[] all() {
            return new String[] {upcoming, active, spans, announce, versions};
        }

        /** What promotion and the active reads need: upcoming, active, spans. */
        String[] schedule() {
            return new String[] {upcoming, active, spans};
        }
    }

    /** Presence leases of every meeting, by when they lapse. */
    String leaseIndex() {
        return prefix + "{lease-index}";
    }

    static String tag(String id) {
        StringBuilder out = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The keys of one meeting; {@code base} already holds the hash tag. */
    record MeetingKeys(String base) {
        String meeting() {
            return base;
        }

        String audience() {
            return base + ":audience";
        }

        String starts() {
            return base + ":starts";
        }

        String ends() {
            return base + ":ends";
        }

        String ended() {
            return base + ":ended";
        }

        String started() {
            return base + ":started";
        }

        /** Instances being ended, batch by batch: when, by whom, how many timed out so far (see end_instance). */
        String closing() {
            return base + ":closing";
        }

        /** Instance -> the `seq` of its latest turn as the current one (see keep_latest in prelude.lua). */
        String turns() {
            return base + ":turns";
        }

        /** Instance -> the `seq` of its latest entry written by anything but a change of the current one. */
        String late() {
            return base + ":late";
        }

        /**
         * The stream of notes live subscriptions read before they read the instances' logs and chats
         * themselves (see RedisLiveEvents): no longer written, deleted with its meeting.
         */
        String feed() {
            return base + ":feed";
        }

        /**
         * The two lists that keep replies of recent changing scripts by operation id, for a reply
         * window of {@code windowMicros}: named after its span, the window rounded up to a power of
         * two seconds (as replay_span in prelude.lua rounds it), periods of which alternate between
         * them. So a re-sent command changes nothing twice.
         */
        String[] replay(String windowMicros) {
            long span = 1_000_000;
            while (span < Long.parseLong(windowMicros)) {
                span *= 2;
            }
            String family = base + ":replies:" + (span / 1_000_000) + ":";
            return new String[] {family + "0", family + "1"};
        }

        String participants(String order) {
            return base + ":" + order + ":participants";
        }

        String events(String order) {
            return base + ":" + order + ":events";
        }

        String leases(String order) {
            return base + ":" + order + ":leases";
        }

        String chat(String order) {
            return base + ":" + order + ":chat";
        }

        /** The attributes of the instance's participants who have any (update.lua). */
        String attributes(String order) {
            return base + ":" + order + ":attributes";
        }

        /** Who was removed from the instance with a ban (remove.lua; join.lua refuses them). */
        String banned(String order) {
            return base + ":" + order + ":banned";
        }

        /** Source ids of the events ({@code e:}) and messages ({@code m:}) imported into the instance (see import.lua). */
        String imported(String order) {
            return base + ":" + order + ":imported";
        }

        /** Set while a user erased from this meeting could still have a join on its way (see erase.lua). */
        String erased(UserId user) {
            return base + ":erased:" + userField(user);
        }
    }
}
