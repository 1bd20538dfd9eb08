package dev.conference.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one benchmark run measures and with which sizes.
 *
 * @param redisUri   the server to measure, or null to start an embedded one
 * @param sections   the sections to run
 * @param throughput sizes of the throughput section
 * @param latency    sizes of the latency section
 * @param memory     sizes of the memory section
 * @param scheduler  sizes of the scheduler section
 */
record BenchConfig(
        String redisUri,
        Set<Section> sections,
        ThroughputSizes throughput,
        LatencySizes latency,
        MemorySizes memory,
        SchedulerSizes scheduler) {

    /** The parts of a run, in the order they run. */
    enum Section {
        THROUGHPUT,
        /** The server's CPU per join, leave and post beside the minimal script. */
        CPU,
        LATENCY,
        MEMORY,
        SCHEDULER
    }

    BenchConfig {
        sections = sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    }

    /** The sizes the README's table was measured with. */
    static BenchConfig standard(String redisUri, Set<Section> sections) {
        return new BenchConfig(
                redisUri,
                sections,
                new ThroughputSizes(List.of(1, 16, 64), Duration.ofMillis(500), 1, 5, 32, 50, 5_000, 100),
                new LatencySizes(List.of(1_000, 100_000, 1_000_000), 300, 2_000, Duration.ofSeconds(8), 200),
                new MemorySizes(100_000, 10_000, 1_000, 100, 10, 10),
                new SchedulerSizes(10_000, 2, 200, Duration.ofSeconds(60), Duration.ofSeconds(2), 3, 100_000));
    }

    /** Sizes small enough for a smoke test of a few seconds; its figures mean nothing. */
    static BenchConfig quick(String redisUri, Set<Section> sections) {
        return new BenchConfig(
                redisUri,
                sections,
                new ThroughputSizes(List.of(1, 4), Duration.ofMillis(20), 1, 1, 4, 5, 200, 60),
                new LatencySizes(List.of(100, 1_000), 10, 50, Duration.ofMillis(200), 5),
                new MemorySizes(500, 50, 10, 10, 2, 3),
                new SchedulerSizes(100, 2, 20, Duration.ofMillis(500), Duration.ofMillis(300), 1, 2_000));
    }

    /**
     * @param callers          operations kept in flight, one measurement per value
     * @param iteration        how long one measured iteration issues operations
     * @param warmups          unrecorded iterations before the measured ones, per cell
     * @param iterations       measured iterations per cell
     * @param meetings         meetings with one active instance each
     * @param residents        users who are in every meeting (they post; participants() returns them)
     * @param joinLeavePool    users who join and leave
     * @param chatSeed         messages posted in every meeting before reads are measured
     */
    record ThroughputSizes(
            List<Integer> callers,
            Duration iteration,
            int warmups,
            int iterations,
            int meetings,
            int residents,
            int joinLeavePool,
            int chatSeed) {
        ThroughputSizes {
            callers = List.copyOf(callers);
            if (chatSeed < 50) {
                throw new IllegalArgumentException("chat reads read 50 messages, so seed at least 50, got " + chatSeed);
            }
        }
    }

    /**
     * @param unrelatedKeys    database sizes to measure at, ascending
     * @param warmups          unrecorded calls per operation and size
     * @param samples          recorded calls per library operation and size
     * @param baselineBudget   time the keyspace-scan baseline may take per size (at least 3 samples)
     * @param baselineSamples  at most this many baseline samples per size
     */
    record LatencySizes(
            List<Integer> unrelatedKeys, int warmups, int samples, Duration baselineBudget, int baselineSamples) {
        LatencySizes {
            unrelatedKeys = List.copyOf(unrelatedKeys);
        }
    }

    /**
     * @param users               users saved
     * @param meetings            meetings saved, each with one instance
     * @param joinedMeetings      meetings that users join (the first public ones: every other meeting)
     * @param participantsPerMeeting users who join and then leave each of those
     * @param postersPerMeeting   users who post in each of those
     * @param messagesPerPoster   messages each poster posts there
     */
    record MemorySizes(
            int users,
            int meetings,
            int joinedMeetings,
            int participantsPerMeeting,
            int postersPerMeeting,
            int messagesPerPoster) {
        MemorySizes {
            if ((long) joinedMeetings * participantsPerMeeting > users
                    || 2 * joinedMeetings > meetings
                    || postersPerMeeting > participantsPerMeeting) {
                throw new IllegalArgumentException("memory sizes do not fit together: " + users + " users, "
                        + meetings + " meetings, " + joinedMeetings + " x " + participantsPerMeeting + " participants, "
                        + postersPerMeeting + " posters");
            }
        }

        int participants() {
            return joinedMeetings * participantsPerMeeting;
        }

        int messages() {
            return joinedMeetings * postersPerMeeting * messagesPerPoster;
        }
    }

    /**
     * @param instances     instances ending, each of its own meeting
     * @param participants  participants in each (each gets a TIMED_OUT)
     * @param users         users the participants are drawn from
     * @param window        the instances' ends are spread evenly over this span, in real time
     * @param leadTime      from setting the ends to the first end (the ends are written in that time)
     * @param drainRounds   rounds of the backlog measurement (all instances due at once)
     * @param surge         instances starting at once, for the longest single command they cause
     */
    record SchedulerSizes(
            int instances,
            int participants,
            int users,
            Duration window,
            Duration leadTime,
            int drainRounds,
            int surge) {
        SchedulerSizes {
            if (participants > users) {
                throw new IllegalArgumentException("need at least " + participants + " users, got " + users);
            }
        }
    }
}
