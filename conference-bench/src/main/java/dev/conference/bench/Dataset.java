package dev.conference.bench;

import dev.conference.bench.BenchConfig.MemorySizes;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Data shaped like the original tool's generator output (8-character ids, 6-letter names and titles,
 * "This meeting is about ..." descriptions, emails at teamsEmail.com, four-email audiences even on
 * public meetings), generated from a fixed seed so every run stores the same bytes.
 */
final class Dataset {
    static final String MESSAGE_TEXT = "message 2024-05-12 11:44:27.781245";

    final List<User> users;
    final List<Meeting> meetings;
    final List<MeetingInstance> instances;

    private Dataset(List<User> users, List<Meeting> meetings, List<MeetingInstance> instances) {
        this.users = users;
        this.meetings = meetings;
        this.instances = instances;
    }

    static Dataset generate(MemorySizes sizes, Instant now) {
        Random random = new Random(20240512);
        List<User> users = new ArrayList<>(sizes.users());
        Set<String> emails = new LinkedHashSet<>();
        while (users.size() < sizes.users()) {
            String name = letters(random, 6);
            String email = name.toLowerCase(java.util.Locale.ROOT) + users.size() + "@teamsEmail.com";
            emails.add(email);
            users.add(new User(
                    UserId.of(id("u", users.size())),
                    name,
                    18 + random.nextInt(60),
                    random.nextBoolean() ? "Male" : "Female",
                    email));
        }
        List<String> emailList = List.copyOf(emails);
        List<Meeting> meetings = new ArrayList<>(sizes.meetings());
        List<MeetingInstance> instances = new ArrayList<>(sizes.meetings());
        for (int i = 0; i < sizes.meetings(); i++) {
            Set<String> audience = new LinkedHashSet<>();
            while (audience.size() < Math.min(4, emailList.size())) {
                audience.add(emailList.get(random.nextInt(emailList.size())));
            }
            MeetingId id = MeetingId.of(id("m", i));
            meetings.add(new Meeting(
                    id, letters(random, 6), "This meeting is about " + letters(random, 6), i % 2 == 0, audience));
            instances.add(new MeetingInstance(id, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        }
        return new Dataset(List.copyOf(users), List.copyOf(meetings), List.copyOf(instances));
    }

    /** The index of the {@code k}-th meeting that users join: the even ones, which are public. */
    static int joined(int k) {
        return 2 * k;
    }

    /** The {@code k}-th participant of joined meeting {@code m}: every user is in one meeting at most. */
    static int participant(MemorySizes sizes, int meeting, int k) {
        return meeting * sizes.participantsPerMeeting() + k;
    }

    private static String id(String kind, int n) {
        return kind + String.format("%07d", n);
    }

    private static String letters(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }
}
