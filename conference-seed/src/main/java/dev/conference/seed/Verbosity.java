package dev.conference.seed;

/** A command that can be asked to show the stack trace of a failure. */
interface Verbosity {
    boolean verbose();
}
