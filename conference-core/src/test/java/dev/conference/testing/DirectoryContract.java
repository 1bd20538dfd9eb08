package dev.conference.testing;

import static dev.conference.testing.Fixtures.aPublicMeeting;
import static dev.conference.testing.Fixtures.aRestrictedMeeting;
import static dev.conference.testing.Fixtures.aUser;
import static dev.conference.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conference.model.InvalidInputException;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.UnknownMeetingException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What every {@link dev.conference.port.Directory} must do. */
public abstract class DirectoryContract extends StoreContract {
    /** Ids that a naive key scheme would mix up or choke on. */
    protected static final List<String> ODD_IDS = List.of(
            "plain",
            "with space",
            "a:b",
            "a:b:c",
            "{tag}",
            "}{",
            "{",
            "}",
            "%7B",
            "%",
            "%25",
            "x{y}z",
            "naïve",
            "会议",
            "emoji 🎉",
            "line\nbreak",
            "tab\tand\\backslash",
            "quote\"'",
            "*",
            "?",
            "[a-z]",
            "-",
            "+",
            "a".repeat(128));

    @Test
    void savesAndReadsUsers() {
        User alice = aUser("alice");
        directory.saveUser(alice);

        assertThat(directory.user(alice.id())).contains(alice);
        assertThat(directory.user(UserId.of("nobody"))).isEmpty();
    }

    @Test
    void replacesAUserWithTheSameId() {
        directory.saveUser(aUser("alice"));
        User renamed = new User(UserId.of("alice"), "Alice B", 31, "Female", "alice.b@example.com");
        directory.saveUser(renamed);

        assertThat(directory.user(UserId.of("alice"))).contains(renamed);
        assertThat(directory.users(Page.first(10))).containsExactly(renamed);
    }

    @Test
    void pagesThroughUsersInIdOrder() {
        for (String id : List.of("d", "b", "é", "a", "c", "Z")) {
            directory.saveUser(aUser(id));
        }

        List<User> first = directory.users(Page.first(4));
        List<User> rest = directory.users(Page.first(4).next(first.get(3).id().value()));

        assertThat(first).extracting(user -> user.id().value()).containsExactly("Z", "a", "b", "c");
        assertThat(rest).extracting(user -> user.id().value()).containsExactly("d", "é");
    }

    /**
     * Enough ids that a store keeping its listing in parts (the Redis store's buckets of 64) splits
     * and empties parts; random saves and deletes, then random pages, against a sorted set. A failure
     * names the seed ({@code -Dlisting.seed=N} replays it).
     */
    @Test
    void pagesLikeASortedSetThroughManySavesAndDeletes() {
        long seed = Long.getLong("listing.seed", System.nanoTime());
        Random random = new Random(seed);
        TreeSet<String> model = new TreeSet<>();
        for (int round = 0; round < 3; round++) {
            List<User> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                String id = Integer.toString(random.nextInt(2_000), 36) + (random.nextBoolean() ? "" : "-x");
                batch.add(aUser(id));
                model.add(id);
            }
            directory.saveUsers(batch);
            List<String> listed = new ArrayList<>(model);
            Collections.shuffle(listed, random);
            for (String id : listed.subList(0, listed.size() * (round + 1) / 5)) {
                assertThat(directory.deleteUser(UserId.of(id)))
                        .as("seed %d: delete %s", seed, id)
                        .isTrue();
                model.remove(id);
            }
        }
        List<String> paged = new ArrayList<>();
        Page page = Page.first(1 + random.nextInt(150));
        while (true) {
            List<User> users = directory.users(page);
            users.forEach(user -> paged.add(user.id().value()));
            if (users.size() < page.limit()) {
                break;
            }
            page = Page.first(1 + random.nextInt(150))
                    .next(users.get(users.size() - 1).id().value());
        }
        assertThat(paged).as("seed %d", seed).containsExactlyElementsOf(model);
    }

    @Test
    void deletesUsers() {
        directory.saveUser(aUser("alice"));

        assertThat(directory.deleteUser(UserId.of("alice"))).isTrue();
        assertThat(directory.deleteUser(UserId.of("alice"))).isFalse();
        assertThat(directory.user(UserId.of("alice"))).isEmpty();
        assertThat(directory.users(Page.first(10))).isEmpty();
    }

    @Test
    void savesMeetingsWithTheirAudience() {
        Meeting open = aPublicMeeting("open");
        Meeting closed = aRestrictedMeeting("closed", "Bob@Example.com", "carol@example.com");
        directory.saveMeetings(List.of(open, closed));

        assertThat(directory.meeting(open.id())).contains(open);
        assertThat(directory.meeting(closed.id())).contains(closed);
        assertThat(directory.meeting(closed.id()).orElseThrow().audience())
                .isEqualTo(Set.of("Bob@Example.com", "carol@example.com"));
        assertThat(directory.meetings(Page.first(10))).containsExactly(closed, open);
    }

    @Test
    void replacingAMeetingReplacesItsAudience() {
        directory.saveMeeting(aRestrictedMeeting("m", "a@example.com", "b@example.com"));
        Meeting replaced = aRestrictedMeeting("m", "c@example.com");
        directory.saveMeeting(replaced);

        assertThat(directory.meeting(MeetingId.of("m"))).contains(replaced);
    }

    @Test
    void deletingAMeetingDeletesItsInstances() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofHours(1)));

        assertThat(directory.deleteMeeting(meeting.id())).isTrue();
        assertThat(directory.deleteMeeting(meeting.id())).isFalse();
        assertThat(directory.meeting(meeting.id())).isEmpty();
        assertThat(directory.instances(meeting.id())).isEmpty();
        assertThat(directory.meetings(Page.first(10))).isEmpty();
    }

    @Test
    void schedulesInstancesInTimeOrder() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        MeetingInstance second = anInstance(meeting, 2, T0.plus(Duration.ofDays(1)), Duration.ofHours(1));
        MeetingInstance first = anInstance(meeting, 1, T0, Duration.ofHours(1));
        directory.saveInstances(List.of(second, first));

        assertThat(directory.instances(meeting.id())).containsExactly(first, second);
    }

    @Test
    void keepsMicrosecondsOfInstanceTimes() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        MeetingInstance precise = new MeetingInstance(
                meeting.id(), 1, T0.plusNanos(123_456_000), T0.plusSeconds(60).plusNanos(999_999_000));
        directory.saveInstance(precise);

        assertThat(directory.instances(meeting.id())).containsExactly(precise);
    }

    @Test
    void refusesAnInstanceOfAnUnknownMeeting() {
        MeetingInstance orphan = new MeetingInstance(MeetingId.of("ghost"), 1, T0, T0.plusSeconds(60));

        assertThatThrownBy(() -> directory.saveInstance(orphan))
                .isInstanceOf(UnknownMeetingException.class)
                .hasMessageContaining("ghost");
    }

    @Test
    void refusesOverlappingInstancesOfOneMeeting() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofHours(1)));
        MeetingInstance overlapping = anInstance(meeting, 2, T0.plus(Duration.ofMinutes(59)), Duration.ofHours(1));

        assertThatThrownBy(() -> directory.saveInstance(overlapping))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overlaps");
        assertThat(directory.instances(meeting.id())).hasSize(1);
    }

    @Test
    void acceptsBackToBackInstances() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofHours(1)));
        directory.saveInstance(anInstance(meeting, 2, T0.plus(Duration.ofHours(1)), Duration.ofHours(1)));

        assertThat(directory.instances(meeting.id())).hasSize(2);
    }

    @Test
    void movesAnInstanceSavedAgainWithTheSameOrder() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        MeetingInstance instance = anInstance(meeting, 1, T0, Duration.ofHours(1));
        directory.saveInstance(instance);
        MeetingInstance extended = instance.withTo(T0.plus(Duration.ofHours(3)));
        directory.saveInstance(extended);

        assertThat(directory.instances(meeting.id())).containsExactly(extended);
    }

    @Test
    void deletesOneInstance() {
        Meeting meeting = aPublicMeeting("m");
        directory.saveMeeting(meeting);
        directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofHours(1)));
        directory.saveInstance(anInstance(meeting, 2, T0.plus(Duration.ofHours(2)), Duration.ofHours(1)));

        assertThat(directory.deleteInstance(meeting.id(), 1)).isTrue();
        assertThat(directory.deleteInstance(meeting.id(), 1)).isFalse();
        assertThat(directory.instances(meeting.id()))
                .extracting(MeetingInstance::instance)
                .containsExactly(2);
    }

    @Test
    void keepsOddIdsApart() {
        for (String id : ODD_IDS) {
            directory.saveUser(aUser(id));
            Meeting meeting = aPublicMeeting(id);
            directory.saveMeeting(meeting);
            directory.saveInstance(anInstance(meeting, 1, T0, Duration.ofMinutes(ODD_IDS.indexOf(id) + 1)));
        }

        for (String id : ODD_IDS) {
            assertThat(directory.user(UserId.of(id))).contains(aUser(id));
            assertThat(directory.meeting(MeetingId.of(id))).contains(aPublicMeeting(id));
            assertThat(directory.instances(MeetingId.of(id)))
                    .singleElement()
                    .extracting(MeetingInstance::to)
                    .isEqualTo(T0.plus(Duration.ofMinutes(ODD_IDS.indexOf(id) + 1)));
        }
        assertThat(directory.users(Page.first(100))).hasSize(ODD_IDS.size());
    }
}
