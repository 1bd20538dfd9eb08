package dev.conference.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingId;
import dev.conference.model.MeetingInstance;
import dev.conference.model.Page;
import dev.conference.model.User;
import dev.conference.model.UserId;
import dev.conference.port.Directory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The test's own reading of the original format (whole files, small data only), independent of the
 * seeder's streaming reader, and whole-store listings through the ports.
 */
final class FileRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileRecords() {}

    static List<User> users(Path dir) throws IOException {
        List<User> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(dir.resolve("users.json").toFile())) {
            out.add(new User(
                    UserId.of(n.get("userID").asText()),
                    n.get("name").asText(),
                    n.get("age").asInt(),
                    n.get("gender").asText(),
                    n.get("email").asText()));
        }
        return out;
    }

    static List<Meeting> meetings(Path dir) throws IOException {
        List<Meeting> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(dir.resolve("meetings.json").toFile())) {
            Set<String> audience = new HashSet<>();
            n.get("audience").forEach(email -> audience.add(email.asText()));
            out.add(new Meeting(
                    MeetingId.of(n.get("meeting_id").asText()),
                    n.get("title").asText(),
                    n.get("description").asText(),
                    n.get("isPublic").asInt() == 1,
                    audience));
        }
        return out;
    }

    static List<MeetingInstance> instances(Path dir, ZoneId zone) throws IOException {
        List<MeetingInstance> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(dir.resolve("meetings_instances.json").toFile())) {
            out.add(new MeetingInstance(
                    MeetingId.of(n.get("meeting_id").asText()),
                    n.get("order_id").asInt(),
                    LocalDateTime.parse(n.get("fromdatetime").asText())
                            .atZone(zone)
                            .toInstant(),
                    LocalDateTime.parse(n.get("todatetime").asText())
                            .atZone(zone)
                            .toInstant()));
        }
        return out;
    }

    /** Every record of one file, as parsed JSON. */
    static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(file.toFile()).forEach(out::add);
        return out;
    }

    static List<JsonNode> events(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(dir.resolve("events_log.json").toFile()).forEach(out::add);
        return out;
    }

    static List<User> allUsers(Directory directory) {
        List<User> out = new ArrayList<>();
        Page page = Page.first(500);
        for (List<User> batch = directory.users(page);
                !batch.isEmpty();
                batch = directory.users(
                        page = page.next(batch.get(batch.size() - 1).id().value()))) {
            out.addAll(batch);
        }
        return out;
    }

    static List<Meeting> allMeetings(Directory directory) {
        List<Meeting> out = new ArrayList<>();
        Page page = Page.first(500);
        for (List<Meeting> batch = directory.meetings(page);
                !batch.isEmpty();
                batch = directory.meetings(
                        page = page.next(batch.get(batch.size() - 1).id().value()))) {
            out.addAll(batch);
        }
        return out;
    }

    static List<MeetingInstance> allInstances(Directory directory) {
        List<MeetingInstance> out = new ArrayList<>();
        for (Meeting meeting : allMeetings(directory)) {
            out.addAll(directory.instances(meeting.id()));
        }
        return out;
    }
}
