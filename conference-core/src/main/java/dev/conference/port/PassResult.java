package dev.conference.port;

/**
 * What one {@link Lifecycle} pass did.
 *
 * @param due  items the pass found due and took on (at most its limit); a pass that comes back with
 *             {@code due == limit} may have left more
 * @param done items whose events this pass logged; the rest were already handled, moved or deleted
 *             (an instance started by a join, a lease renewed meanwhile)
 */
public record PassResult(int due, int done) {
    public static final PassResult NOTHING = new PassResult(0, 0);

    public PassResult {
        if (done < 0 || done > due) {
            throw new IllegalArgumentException("a pass does at most what was due: due " + due + ", done " + done);
        }
    }
}
