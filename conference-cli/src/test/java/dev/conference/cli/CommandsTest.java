package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.cli.CliRun.Result;
import dev.conference.redis.LocalRedisExtension;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command, run in-process on a real Redis: what it prints, as text and as JSON, and its exit code. */
class CommandsTest {
    @RegisterExtension
    static final LocalRedisExtension REDIS = new LocalRedisExtension();

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    @TempDir
    Path home;

    @BeforeEach
    void world() {
        World.create(REDIS.uri());
    }

    private Result run(String... args) {
        return CliRun.in(home).redisUrl(REDIS.uri()).run(args);
    }

    private Result ok(String... args) {
        Result result = run(args);
        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.err()).as("%s", result).isEmpty();
        return result;
    }

    @Test
    void usersListPrintsAnAlignedTableInIdOrder() {
        Result result = ok("users", "list");

        assertThat(result.out().lines())
                .containsExactly(
                        "ID     NAME           AGE  GENDER  EMAIL",
                        "alice  Name of alice  30   Female  alice@example.com",
                        "bob    Name of bob    30   Female  bob@example.com",
                        "carol  Name of carol  30   Female  carol@example.com");
    }

    @Test
    void usersListAsJsonAndWithALimit() {
        JsonNode users = ok("--json", "users", "list").json();
        assertThat(users).hasSize(3);
        assertThat(users.get(0).get("id").asText()).isEqualTo("alice");
        assertThat(users.get(0).get("email").asText()).isEqualTo("alice@example.com");
        assertThat(users.get(0).get("age").asInt()).isEqualTo(30);

        assertThat(ok("users", "list", "--limit", "2", "--json").json()).hasSize(2);
    }

    @Test
    void usersAddStoresTheUserAndRefusesToOverwriteWithoutReplace() {
        Result added = ok(
                "users",
                "add",
                "dave",
                "--name",
                "Dave Diaz",
                "--age",
                "52",
                "--gender",
                "male",
                "--email",
                "dave@example.com");
        assertThat(added.out()).isEqualTo("added user dave\n");

        Result again = run(
                "users",
                "add",
                "dave",
                "--name",
                "Other",
                "--age",
                "1",
                "--gender",
                "x",
                "--email",
                "other@example.com");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("user 'dave' exists already; add --replace");

        JsonNode replaced = ok(
                        "--json",
                        "users",
                        "add",
                        "dave",
                        "--name",
                        "Dave D.",
                        "--age",
                        "53",
                        "--gender",
                        "male",
                        "--email",
                        "dave@example.com",
                        "--replace")
                .json();
        assertThat(replaced.get("replaced").asBoolean()).isTrue();
        assertThat(replaced.get("saved").get("name").asText()).isEqualTo("Dave D.");
        assertThat(ok("users", "list").out()).contains("Dave D.").doesNotContain("Other");
    }

    @Test
    void usersAddWithAnInvalidEmailIsAUsageErrorAndStoresNothing() {
        Result result = run(
                "users", "add", "eve", "--name", "Eve", "--age", "20", "--gender", "female", "--email", "not-an-email");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("conference: user email must look like name@domain: not-an-email\n");
        assertThat(ok("users", "list").out()).doesNotContain("eve");
    }

    @Test
    void meetingsListShowsWhoIsAdmitted() {
        Result result = ok("meetings", "list");

        assertThat(result.out().lines())
                .containsExactly(
                        "ID       TITLE             AUDIENCE           CAPACITY  DESCRIPTION",
                        "later    Title of later    everyone           -         About later",
                        "secret   Title of secret   alice@example.com  -         About secret",
                        "standup  Title of standup  everyone           -         About standup");
        JsonNode secret = ok("--json", "meetings", "list").json().get(1);
        assertThat(secret.get("id").asText()).isEqualTo("secret");
        assertThat(secret.get("public").asBoolean()).isFalse();
        assertThat(secret.get("audience")).extracting(JsonNode::asText).containsExactly("alice@example.com");
    }

    @Test
    void meetingsAddMakesPublicOrRestrictedMeetings() {
        assertThat(ok("meetings", "add", "town-hall", "--title", "Town hall").out())
                .isEqualTo("added public meeting town-hall\n");
        JsonNode board = ok(
                        "--json",
                        "meetings",
                        "add",
                        "board",
                        "--title",
                        "Board",
                        "--description",
                        "Numbers",
                        "--audience",
                        "dave@example.com,erin@example.com",
                        "--audience",
                        "bob@example.com")
                .json();

        assertThat(board.get("saved").get("public").asBoolean()).isFalse();
        assertThat(board.get("saved").get("audience"))
                .extracting(JsonNode::asText)
                .containsExactly("bob@example.com", "dave@example.com", "erin@example.com");
        assertThat(ok("meetings", "list").out())
                .containsPattern("board +Board +bob@example.com, dave@example.com, erin@example.com +- +Numbers")
                .containsPattern("town-hall +Town hall +everyone");
    }

    @Test
    void instancesListShowsEachInstanceWithItsStatus() {
        Result result = ok("instances", "list", "standup");

        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("INSTANCE  FROM                 TO                   STATUS");
        assertThat(lines.get(1)).matches("1 +" + TIME + " +" + TIME + " +ended");
        assertThat(lines.get(2)).matches("2 +" + TIME + " +" + TIME + " +active");
        assertThat(ok("instances", "list", "later").out()).contains("scheduled");

        JsonNode instances = ok("--json", "instances", "list", "standup").json();
        assertThat(instances).hasSize(2);
        assertThat(instances.get(1).get("instance").asInt()).isEqualTo(2);
        assertThat(instances.get(1).get("status").asText()).isEqualTo("active");
        Instant from = Instant.parse(instances.get(1).get("from").asText());
        Instant to = Instant.parse(instances.get(1).get("to").asText());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void instancesAddTakesIsoOrRelativeTimesAndNumbersTheInstance() {
        Result iso = ok("instances", "add", "later", "--from", "2030-01-01T10:00:00Z", "--to", "2030-01-01T11:00");
        assertThat(iso.out()).isEqualTo("scheduled instance 2 of later: 2030-01-01 10:00:00 .. 2030-01-01 11:00:00\n");

        JsonNode relative = ok("--json", "instances", "add", "later", "--from", "now+3h", "--to", "now+3h30m")
                .json();
        assertThat(relative.get("instance").asInt()).isEqualTo(3);
        assertThat(relative.get("status").asText()).isEqualTo("scheduled");
        Instant from = Instant.parse(relative.get("from").asText());
        assertThat(from)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(170)),
                        Instant.now().plus(Duration.ofHours(3)));
        assertThat(ok("--json", "instances", "list", "later").json()).hasSize(3);
    }

    @Test
    void instancesAddRefusesBadTimesAndOverlapsAndStoresNothing() {
        Result notIso = run("instances", "add", "later", "--from", "tomorrow", "--to", "now+1h");
        assertThat(notIso.code()).isEqualTo(2);
        assertThat(notIso.err().lines())
                .singleElement()
                .asString()
                .contains("--from")
                .contains("'tomorrow' is not a time");

        Result backwards = run("instances", "add", "later", "--from", "now+5h", "--to", "now+4h");
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).startsWith("conference: instance from must be before to");

        Result overlap = run("instances", "add", "later", "--from", "now+30m", "--to", "now+90m");
        assertThat(overlap.code()).isEqualTo(2);
        assertThat(overlap.err()).contains("overlaps its instance 1");

        assertThat(ok("--json", "instances", "list", "later").json()).hasSize(1);
        assertThat(run("instances", "add", "nowhere", "--from", "now", "--to", "now+1h")
                        .code())
                .isEqualTo(3);
        assertThat(run("instances", "list", "nowhere").code()).isEqualTo(3);
    }

    @Test
    void joinThenParticipantsListsWhoIsIn() {
        assertThat(ok("join", "alice", "standup").out()).matches("alice joined standup at " + TIME + "\n");
        JsonNode joined = ok("--json", "join", "bob", "standup").json();
        assertThat(joined.get("user").asText()).isEqualTo("bob");
        assertThat(joined.get("meeting").asText()).isEqualTo("standup");
        assertThat(Instant.parse(joined.get("joinedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));

        List<String> lines = ok("participants", "standup").out().lines().toList();
        assertThat(lines.get(0)).matches("USER   JOINED +ATTRIBUTES");
        assertThat(lines.subList(1, 3))
                .satisfiesExactly(
                        line -> assertThat(line).matches("alice  " + TIME + " +-"),
                        line -> assertThat(line).matches("bob    " + TIME + " +-"));
        JsonNode participants = ok("--json", "participants", "standup").json();
        assertThat(participants.get("meeting").asText()).isEqualTo("standup");
        assertThat(participants.get("participants"))
                .extracting(p -> p.get("user").asText())
                .containsExactly("alice", "bob");
        assertThat(ok("participants", "later").out()).isEqualTo("nobody is in later now\n");
    }

    @Test
    void aMeetingWithACapacityRefusesAJoinBeyondItWithExit4AndCountsWhoIsIn() {
        assertThat(ok("meetings", "add", "standup", "--title", "Daily", "--capacity", "1", "--replace")
                        .out())
                .isEqualTo("replaced public meeting standup\n");
        assertThat(ok("meetings", "list").out()).containsPattern("standup +Daily +everyone +1\\n");
        assertThat(ok("--json", "meetings", "list")
                        .json()
                        .get(2)
                        .get("capacity")
                        .asInt())
                .isEqualTo(1);
        ok("join", "alice", "standup");

        Result full = run("join", "bob", "standup");
        assertThat(full.code()).isEqualTo(4);
        assertThat(full.err())
                .isEqualTo("conference: meeting 'standup' is full (capacity 1): user 'bob' cannot join\n");
        assertThat(ok("participants", "standup", "--count").out()).isEqualTo("1 participant in standup now\n");
        JsonNode count = ok("--json", "participants", "--count", "standup").json();
        assertThat(count.get("meeting").asText()).isEqualTo("standup");
        assertThat(count.get("count").asInt()).isEqualTo(1);
        assertThat(ok("participants", "later", "--count").out()).isEqualTo("0 participants in later now\n");
    }

    @Test
    void removeTakesAParticipantOutAndABanKeepsThemOutWithExit4() {
        ok("join", "alice", "standup");
        ok("join", "bob", "standup");

        assertThat(ok("remove", "alice", "standup").out()).isEqualTo("removed alice from standup\n");
        ok("join", "alice", "standup");
        JsonNode banned = ok("--json", "remove", "--ban", "alice", "standup").json();
        assertThat(banned.get("banned").asBoolean()).isTrue();

        Result again = run("join", "alice", "standup");
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err())
                .isEqualTo("conference: user 'alice' was removed from meeting 'standup' with a ban and cannot join"
                        + " again until this instance ends\n");
        Result notIn = run("remove", "carol", "standup");
        assertThat(notIn.code()).isEqualTo(4);
        assertThat(notIn.err()).isEqualTo("conference: user 'carol' is not in meeting 'standup'\n");
        assertThat(ok("events", "standup").out()).contains("REMOVED");
        assertThat(ok("participants", "standup", "--count").out()).isEqualTo("1 participant in standup now\n");
    }

    @Test
    void setChangesAParticipantsAttributesWhichParticipantsShows() {
        ok("join", "alice", "standup");

        assertThat(ok("set", "alice", "standup", "muted=true", "hand=raised").out())
                .isEqualTo("alice in standup: hand=raised, muted=true\n");
        assertThat(ok("set", "alice", "standup", "hand=", "note=a=b").out())
                .isEqualTo("alice in standup: muted=true, note=a=b\n");
        assertThat(ok("participants", "standup").out()).containsPattern("alice +" + TIME + " +muted=true, note=a=b\n");
        JsonNode listed = ok("--json", "participants", "standup").json();
        assertThat(listed.get("participants")
                        .get(0)
                        .get("attributes")
                        .get("note")
                        .asText())
                .isEqualTo("a=b");
        assertThat(ok("events", "standup").out()).contains("UPDATED");
        JsonNode updated = ok("--json", "events", "standup").json();
        assertThat(updated.get(updated.size() - 1).get("changes").get("hand").asText())
                .isEmpty();

        Result bad = run("set", "alice", "standup", "muted");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .isEqualTo("conference set: attribute 'muted' must be KEY=VALUE (KEY= removes KEY)"
                        + " (see 'conference set --help')\n");
        Result tooLong = run("set", "alice", "standup", "k".repeat(65) + "=v");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).startsWith("conference: attribute key must be at most 64 characters");
        Result notIn = run("set", "bob", "standup", "muted=true");
        assertThat(notIn.code()).isEqualTo(4);
        assertThat(ok("--json", "participants", "standup")
                        .json()
                        .get("participants")
                        .get(0)
                        .get("attributes")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void participantsPageWithLimitAndTheCursorAFullPageNames() {
        ok("join", "alice", "standup");
        ok("join", "bob", "standup");

        Result first = run("participants", "standup", "--limit", "1");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("alice").doesNotContain("bob");
        Matcher hint = Pattern.compile("--after (\\S+)\\)").matcher(first.err());
        assertThat(hint.find()).as(first.err()).isTrue();
        assertThat(ok("participants", "standup", "--limit", "5", "--after", hint.group(1))
                        .out())
                .contains("bob")
                .doesNotContain("alice");
        Result bad = run("participants", "standup", "--after", "alice");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("conference: participants cursor must be");
    }

    @Test
    void activeAndJoinTimesPageWithLimitAndTheCursorAFullPageNames() {
        Result first = run("active", "--limit", "1");
        assertThat(first.code()).isZero();
        Matcher hint = Pattern.compile("--after (\\S+)\\)").matcher(first.err());
        assertThat(hint.find()).as(first.err()).isTrue();
        String firstMeeting = first.out().lines().toList().get(1).split(" ")[0];
        String rest = ok("active", "--after", hint.group(1)).out();
        assertThat(rest).doesNotContain(firstMeeting + " ");
        assertThat(rest.lines().count() - 1 + 1)
                .isEqualTo(ok("active").out().lines().count() - 1);

        Result times = run("join-times", "--limit", "1");
        assertThat(times.code()).isZero();
        assertThat(times.err()).contains("--after");
        Result bad = run("active", "--after", "standup");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("conference: active meetings cursor must be");
    }

    @Test
    void aCapacityOutOfRangeIsAUsageErrorAndChangesNothing() {
        Result zero = run("meetings", "add", "standup", "--title", "Daily", "--capacity", "0", "--replace");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("conference: meeting capacity must be between 1 and 1000000, got 0\n");
        assertThat(run("meetings", "add", "standup", "--title", "Daily", "--capacity", "many", "--replace")
                        .code())
                .isEqualTo(2);
        assertThat(ok("meetings", "list").out()).contains("Title of standup").doesNotContain("Daily");
    }

    @Test
    void joinIsRefusedWithExit4AndUnknownNamesGiveExit3() {
        Result notAllowed = run("join", "bob", "secret");
        assertThat(notAllowed.code()).isEqualTo(4);
        assertThat(notAllowed.err()).isEqualTo("conference: user 'bob' is not in the audience of meeting 'secret'\n");

        assertThat(run("join", "alice", "later").code()).isEqualTo(4);
        ok("join", "alice", "secret");
        assertThat(run("join", "alice", "secret").err()).contains("already in meeting 'secret'");
        assertThat(run("join", "alice", "secret").code()).isEqualTo(4);

        Result unknownUser = run("join", "ghost", "standup");
        assertThat(unknownUser.code()).isEqualTo(3);
        assertThat(unknownUser.err()).isEqualTo("conference: no user with id 'ghost'\n");
        assertThat(run("join", "alice", "nowhere").code()).isEqualTo(3);
        assertThat(ok("--json", "participants", "secret").json().get("participants"))
                .hasSize(1);
    }

    @Test
    void leaveRemovesTheParticipantOnce() {
        ok("join", "alice", "standup");

        assertThat(ok("leave", "alice", "standup").out()).isEqualTo("alice left standup\n");
        Result again = run("--json", "leave", "alice", "standup");
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("conference: user 'alice' is not in meeting 'standup'\n");
    }

    @Test
    void activeListsTheRunningMeetingsByEndTime() {
        List<String> lines = ok("active").out().lines().toList();

        assertThat(lines.get(0)).isEqualTo("MEETING  INSTANCE  FROM                 TO");
        assertThat(lines.get(1)).matches("standup  2         " + TIME + "  " + TIME);
        assertThat(lines.get(2)).matches("secret   1         " + TIME + "  " + TIME);
        assertThat(ok("--json", "active").json())
                .extracting(i -> i.get("meeting").asText())
                .containsExactly("standup", "secret");
    }

    @Test
    void endTimesOutEveryoneAndThenHasNothingToEnd() {
        ok("join", "alice", "standup");
        ok("join", "bob", "standup");

        assertThat(ok("end", "standup").out()).isEqualTo("ended standup; 2 participants timed out\n");
        assertThat(ok("end", "standup").out()).isEqualTo("standup has no running instance; nothing to end\n");
        JsonNode secret = ok("--json", "end", "secret").json();
        assertThat(secret.get("ended").asBoolean()).isTrue();
        assertThat(secret.get("timedOut").asInt()).isZero();
        assertThat(ok("active").out()).isEqualTo("no meeting is active now\n");
        assertThat(ok("instances", "list", "standup").out()).containsPattern("2 +" + TIME + " +" + TIME + " +ended");
        assertThat(run("end", "nowhere").code()).isEqualTo(3);
    }

    @Test
    void aChangeRunAgainWithItsIdempotencyKeyIsDoneOnce() {
        ok("join", "alice", "standup", "--idempotency-key", "join-1");
        ok("join", "alice", "standup", "--idempotency-key", "join-1");
        String first = ok("post", "--idempotency-key", "post-1", "alice", "standup", "Hello")
                .out();
        String again = ok("post", "--idempotency-key", "post-1", "alice", "standup", "Hello")
                .out();

        assertThat(again).isEqualTo(first);
        assertThat(ok("chat", "standup").out().lines()).hasSize(2);
        assertThat(run("join", "alice", "standup").code()).isEqualTo(4);
        Result blank = run("leave", "alice", "standup", "--idempotency-key", "");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("idempotency key");
        assertThat(ok("participants", "standup").out()).contains("alice");
    }

    @Test
    void postChatAndMessagesShowWhatWasSaid() {
        ok("join", "alice", "standup");
        ok("join", "bob", "standup");

        assertThat(ok("post", "alice", "standup", "Good", "morning,", "all!").out())
                .matches("alice posted in standup at " + TIME + " \\(message .+\\)\n");
        JsonNode posted = ok("--json", "post", "bob", "standup", "-1 for meetings before 9")
                .json();
        assertThat(posted.get("text").asText()).isEqualTo("-1 for meetings before 9");
        assertThat(posted.get("instance").asInt()).isEqualTo(2);
        ok("post", "alice", "standup", "two\nlines");

        List<String> chat = ok("chat", "standup").out().lines().toList();
        assertThat(chat).hasSize(4);
        assertThat(chat.get(0)).isEqualTo("TIME                 USER   TEXT");
        assertThat(chat.get(1)).matches(TIME + "  alice  Good morning, all!");
        assertThat(chat.get(2)).matches(TIME + "  bob    -1 for meetings before 9");
        assertThat(chat.get(3)).matches(TIME + "  alice  two\\\\nlines");
        JsonNode messages = ok("--json", "chat", "standup").json();
        assertThat(messages)
                .extracting(m -> m.get("text").asText())
                .containsExactly("Good morning, all!", "-1 for meetings before 9", "two\nlines");
        assertThat(ok("--json", "chat", "standup", "--instance", "1").json()).isEmpty();
        assertThat(ok("chat", "standup", "--instance", "1").out()).isEqualTo("no messages in standup\n");

        assertThat(ok("messages", "standup", "alice").out().lines())
                .hasSize(3)
                .first()
                .isEqualTo("TIME                 TEXT");
        assertThat(ok("--json", "messages", "standup", "bob").json())
                .singleElement()
                .satisfies(m -> assertThat(m.get("user").asText()).isEqualTo("bob"));
        assertThat(ok("messages", "standup", "carol").out()).isEqualTo("carol has posted nothing in standup\n");
        assertThat(run("messages", "later", "alice").code()).isEqualTo(4);
    }

    @Test
    void postIsRefusedForNonParticipantsAndBlankText() {
        Result outsider = run("post", "carol", "standup", "hi");
        assertThat(outsider.code()).isEqualTo(4);

        ok("join", "carol", "standup");
        Result blank = run("post", "carol", "standup", "   ");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).isEqualTo("conference: chat text must not be blank\n");
        assertThat(run("post", "carol", "standup").code()).isEqualTo(2);
        assertThat(ok("--json", "chat", "standup").json()).isEmpty();
        assertThat(run("chat", "nowhere").code()).isEqualTo(3);
    }

    @Test
    void chatEventsAndListsPageWithLimitAndAfter() {
        ok("join", "alice", "standup");
        for (int i = 1; i <= 5; i++) {
            ok("post", "alice", "standup", "message " + i);
        }

        Result first = run("chat", "standup", "--limit", "2");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("message 1").contains("message 2").doesNotContain("message 3");
        String next = first.err().replaceAll("(?s).*--after (\\S+)\\).*", "$1").strip();
        assertThat(first.err()).startsWith("(a full page of 2; for the next: --after ");

        Result second = run("chat", "standup", "--limit", "2", "--after", next);
        assertThat(second.out()).contains("message 3").contains("message 4").doesNotContain("message 2");
        assertThat(ok("--json", "chat", "standup", "--limit", "2", "--after", next)
                        .json())
                .hasSize(2);
        assertThat(ok("--json", "chat", "standup").json())
                .as("the default page holds them all")
                .hasSize(5);

        assertThat(ok("--json", "events", "standup", "--limit", "1").json())
                .extracting(event -> event.get("type").asText())
                .containsExactly("STARTED");
        assertThat(ok("--json", "users", "list", "--after", "alice", "--limit", "1")
                        .json())
                .extracting(user -> user.get("id").asText())
                .containsExactly("bob");

        Result zero = run("chat", "standup", "--limit", "0");
        assertThat(zero.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--limit must be 1 or more and at most 10000, got 0");
        assertThat(run("chat", "standup", "--after", "not-an-id").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void eventsListTheLogAndJoinTimesWhoIsWhere() {
        ok("join", "alice", "standup");
        ok("join", "bob", "standup");
        ok("leave", "bob", "standup");
        ok("join", "alice", "secret");

        List<String> events = ok("events", "standup").out().lines().toList();
        assertThat(events.get(0)).isEqualTo("TIME                 INSTANCE  EVENT    USER");
        assertThat(events.subList(1, events.size()))
                .satisfiesExactly(
                        line -> assertThat(line).matches(TIME + "  2         STARTED  -"),
                        line -> assertThat(line).matches(TIME + "  2         JOINED   alice"),
                        line -> assertThat(line).matches(TIME + "  2         JOINED   bob"),
                        line -> assertThat(line).matches(TIME + "  2         LEFT     bob"));
        ok("end", "standup");
        JsonNode log = ok("--json", "events", "standup").json();
        assertThat(log)
                .extracting(e -> e.get("type").asText())
                .containsExactly("STARTED", "JOINED", "JOINED", "LEFT", "TIMED_OUT", "ENDED");
        assertThat(log.get(0).has("user")).isFalse();
        assertThat(log.get(4).get("user").asText()).isEqualTo("alice");
        assertThat(ok("events", "standup", "--instance", "1").out()).isEqualTo("no events in standup\n");
        assertThat(run("events", "nowhere").code()).isEqualTo(3);

        List<String> joinTimes = ok("join-times").out().lines().toList();
        assertThat(joinTimes.get(0)).isEqualTo("MEETING  INSTANCE  USER   JOINED");
        assertThat(joinTimes.get(1)).matches("secret   1         alice  " + TIME);
        JsonNode groups = ok("--json", "join-times").json();
        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.get("meeting").asText()).isEqualTo("secret");
            assertThat(group.get("participants").get(0).get("user").asText()).isEqualTo("alice");
        });
    }

    @Test
    void usersDeleteRemovesTheUserAndEveryMessageTheyPosted() {
        ok("join", "alice", "standup");
        ok("join", "bob", "standup");
        ok("post", "alice", "standup", "mine");
        ok("post", "bob", "standup", "bob's");
        ok("join", "alice", "secret");
        ok("post", "alice", "secret", "also mine");

        assertThat(ok("users", "delete", "alice").out()).isEqualTo("deleted user alice and their chat messages\n");

        assertThat(ok("--json", "chat", "standup").json())
                .extracting(m -> m.get("text").asText())
                .containsExactly("bob's");
        assertThat(ok("--json", "chat", "secret").json()).isEmpty();
        assertThat(ok("--json", "users", "list").json())
                .extracting(u -> u.get("id").asText())
                .containsExactly("bob", "carol");
        assertThat(ok("--json", "events", "standup").json())
                .extracting(e -> e.path("user").asText())
                .contains("alice");
        Result again = run("users", "delete", "alice");
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).isEqualTo("conference: no user with id 'alice'\n");
        JsonNode deleted = ok("--json", "users", "delete", "bob").json();
        assertThat(deleted.get("user").asText()).isEqualTo("bob");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
    }

    @Test
    void joinWithALeaseAndRenewTakeLengthsOfTime() {
        assertThat(ok("join", "alice", "standup", "--lease", "1m30s").out())
                .matches("alice joined standup at " + TIME + "; presence lease 1m30s\n");
        assertThat(ok("renew", "alice", "standup", "--lease", "PT2H").out())
                .isEqualTo("renewed alice in standup for 2h\n");
        JsonNode renewed =
                ok("--json", "renew", "alice", "standup", "--lease", "500ms").json();
        assertThat(renewed.get("lease").asText()).isEqualTo("PT0.5S");
        assertThat(ok("--json", "join", "bob", "standup").json().has("lease")).isFalse();

        Result tooLong = run("renew", "alice", "standup", "--lease", "2d");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).hasLineCount(1).contains("presence lease must be positive and at most");
        Result notALength = run("join", "carol", "standup", "--lease", "a while");
        assertThat(notALength.code()).isEqualTo(2);
        assertThat(notALength.err()).hasLineCount(1).contains("--lease").contains("'a while' is not a length of time");
        assertThat(run("renew", "carol", "standup", "--lease", "30s").code()).isEqualTo(4);
        assertThat(run("renew", "alice", "later", "--lease", "30s").code()).isEqualTo(4);
        assertThat(run("renew", "alice", "standup").code()).isEqualTo(2);
        assertThat(ok("--json", "participants", "standup").json().get("participants"))
                .hasSize(2);
    }

    @Test
    void timeoutIsALengthOfTimeAboveZero() {
        assertThat(ok("--timeout", "2s", "active").out()).contains("standup");
        Result zero = run("--timeout", "0ms", "active");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err())
                .isEqualTo("conference: --timeout must be longer than zero, got 0s" + " (see 'conference --help')\n");
    }

    @Test
    void everyCommandHasHelpThatNeedsNoStore() {
        List<List<String>> commands = new ArrayList<>();
        CliEnvironment environment = new CliEnvironment(
                Map.of(),
                home,
                Clock.systemUTC(),
                ZoneOffset.UTC,
                new StringReader(""),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                new CliRun.PressedByTest(),
                ShellTerminal.NONE);
        picocli.CommandLine root = Cli.commandLine(new ConferenceCommand(environment, new Session(environment), null));
        commands.add(List.of());
        root.getSubcommands().forEach((name, command) -> {
            commands.add(List.of(name));
            command.getSubcommands().keySet().forEach(sub -> commands.add(List.of(name, sub)));
        });
        assertThat(commands).hasSizeGreaterThan(19);

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Result help = CliRun.in(home).redisUrl("redis://127.0.0.1:1").run(args.toArray(String[]::new));
            assertThat(help.code()).as("%s: %s", args, help).isZero();
            assertThat(help.out())
                    .as("%s", args)
                    .startsWith(("Usage: conference " + String.join(" ", command)).strip());
        }
    }
}
