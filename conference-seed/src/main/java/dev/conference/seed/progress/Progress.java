package dev.conference.seed.progress;

/**
 * Tells a person how far a long step is. One step at a time: {@link #start}, {@link #advance} any
 * number of times (from any thread), {@link #finish}.
 */
public interface Progress {
    /** Shows nothing: for tests, pipes and small loads. */
    Progress NONE = new Progress() {
        @Override
        public void start(String step, long total) {}

        @Override
        public void startBytes(String step, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
    };

    /**
     * @param step  what is being done, e.g. {@code "storing users.json"}
     * @param total the amount that makes the step complete, in the unit {@link #advance} counts; 0 or
     *              less when unknown
     */
    void start(String step, long total);

    /** Like {@link #start}, counting bytes of a file read. */
    void startBytes(String step, long total);

    /** {@code done} more units are complete. Thread-safe. */
    void advance(long done);

    void finish();
}
