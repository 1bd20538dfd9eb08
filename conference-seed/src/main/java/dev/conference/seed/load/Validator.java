package dev.conference.seed.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conference.model.Meeting;
import dev.conference.model.MeetingInstance;
import dev.conference.model.PastMessage;
import dev.conference.model.User;
import dev.conference.seed.format.InvalidRecordException;
import dev.conference.seed.format.JsonRecords;
import dev.conference.seed.format.MalformedJsonException;
import dev.conference.seed.format.OriginalFormat;
import dev.conference.seed.format.RecordPosition;
import dev.conference.seed.format.SeedFiles;
import dev.conference.seed.format.SourceEvent;
import dev.conference.seed.load.Schedules.Conflict;
import dev.conference.seed.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * The first pass: reads every file once, streaming, and reports each record that could not be stored
 * as it stands, before anything is stored. Besides each record's own fields it checks what only the
 * whole data set shows: ids given twice, instances of meetings that are not in {@code meetings.json},
 * overlapping instances of one meeting, events of users or meetings that are not in the files. It keeps
 * the ids (not the records) for that, and the instances' bare spans to check the messages' times.
 *
 * <p>A record refers only to the valid records of the files before it: an instance of a meeting whose
 * record is invalid is invalid too, so {@code --skip-invalid} never stores a dangling reference. A
 * malformed file stops its own check; references into it are then not checked (it is reported, and
 * nothing is stored anyway).
 */
final class Validator {
    private final SeedFiles files;
    private final ZoneId zone;
    private final Problems problems;
    private final Progress progress;

    private final Set<String> users = new HashSet<>();
    private final Set<String> meetings = new HashSet<>();
    private final Set<String> events = new HashSet<>();
    private final Set<String> messages = new HashSet<>();
    private final Schedules schedules = new Schedules();

    Validator(SeedFiles files, ZoneId zone, Problems problems, Progress progress) {
        this.files = files;
        this.zone = zone;
        this.problems = problems;
        this.progress = progress;
    }

    /** How many records a file holds and how many of them are valid. */
    record Count(long records, long valid) {}

    /** What the first pass learnt. */
    record Validation(Count users, Count meetings, Count instances, Count events, Count messages) {}

    @FunctionalInterface
    private interface Check {
        /** Returns null when the record is valid, else why not. */
        String check(JsonNode record) throws InvalidRecordException;
    }

    Validation run() throws IOException {
        Count userCount = pass(files.users(), record -> {
            User user = OriginalFormat.user(record);
            return users.add(user.id().value())
                    ? null
                    : "userID '" + user.id() + "' is given twice: an earlier record has it";
        });
        Count meetingCount = pass(files.meetings(), record -> {
            Meeting meeting = OriginalFormat.meeting(record);
            return meetings.add(meeting.id().value())
                    ? null
                    : "meeting_id '" + meeting.id() + "' is given twice: an earlier record has it";
        });
        boolean meetingsKnown = !problems.isMalformed(files.meetings());
        boolean usersKnown = !problems.isMalformed(files.users());
        Count instanceCount = pass(files.instances(), record -> {
            MeetingInstance instance = OriginalFormat.instance(record, zone);
            if (meetingsKnown && !meetings.contains(instance.meeting().value())) {
                return "meeting_id '" + instance.meeting() + "' is not a valid meeting of " + SeedFiles.MEETINGS;
            }
            Conflict conflict = schedules.add(instance);
            if (conflict instanceof Conflict.SameInstance) {
                return "instance " + instance.instance() + " of meeting '" + instance.meeting()
                        + "' is given twice: an earlier record has it";
            }
            if (conflict instanceof Conflict.Overlap overlap) {
                return "instance " + instance.instance() + " of meeting '" + instance.meeting() + "' ("
                        + instance.from() + " .. " + instance.to() + ") overlaps its instance " + overlap.instance()
                        + " (" + overlap.from() + " .. " + overlap.to() + ") given earlier";
            }
            return null;
        });
        Count eventCount = pass(files.events(), record -> {
            SourceEvent event = OriginalFormat.event(record, zone);
            if (usersKnown && !users.contains(event.user().value())) {
                return "userID '" + event.user() + "' is not a valid user of " + SeedFiles.USERS;
            }
            if (meetingsKnown && !meetings.contains(event.meeting().value())) {
                return "meeting '" + event.meeting() + "' (from event_id) is not a valid meeting of "
                        + SeedFiles.MEETINGS;
            }
            return events.add(event.id())
                    ? null
                    : "event_id '" + event.id() + "' is given twice: an earlier record has it";
        });
        boolean instancesKnown = meetingsKnown && !problems.isMalformed(files.instances());
        Count messageCount = !Files.exists(files.messages())
                ? new Count(0, 0)
                : pass(files.messages(), record -> {
                    PastMessage message = OriginalFormat.message(record, zone);
                    if (usersKnown && !users.contains(message.user().value())) {
                        return "userID '" + message.user() + "' is not a valid user of " + SeedFiles.USERS;
                    }
                    if (meetingsKnown && !meetings.contains(message.meeting().value())) {
                        return "meeting_id '" + message.meeting() + "' is not a valid meeting of " + SeedFiles.MEETINGS;
                    }
                    if (instancesKnown && !schedules.has(message.meeting(), message.instance())) {
                        return "instance " + message.instance() + " of meeting '" + message.meeting()
                                + "' is not a valid instance of " + SeedFiles.INSTANCES;
                    }
                    if (instancesKnown && !schedules.holds(message.meeting(), message.instance(), message.at())) {
                        return "timestamp " + message.at() + " is outside instance " + message.instance()
                                + " of meeting '" + message.meeting() + "'";
                    }
                    return messages.add(message.source())
                            ? null
                            : "message_id '" + message.source() + "' is given twice: an earlier record has it";
                });
        return new Validation(userCount, meetingCount, instanceCount, eventCount, messageCount);
    }

    private Count pass(Path file, Check check) throws IOException {
        long[] valid = {0};
        long[] seen = {0};
        long[] read = {0};
        progress.startBytes("checking " + file.getFileName(), Files.size(file));
        try {
            long records = JsonRecords.forEach(file, (RecordPosition position, JsonNode record, long bytes) -> {
                progress.advance(bytes - read[0]);
                read[0] = bytes;
                seen[0]++;
                String problem;
                try {
                    problem = check.check(record);
                } catch (InvalidRecordException e) {
                    problem = e.getMessage();
                }
                if (problem == null) {
                    valid[0]++;
                } else {
                    problems.invalid(position, problem);
                }
            });
            return new Count(records, valid[0]);
        } catch (MalformedJsonException e) {
            problems.malformed(e);
            return new Count(seen[0], valid[0]);
        } finally {
            progress.finish();
        }
    }
}
