package dev.conference.cli;

/** The {@code conference} executable: runs one command line and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Lettuce and Netty record JFR events when the JDK has JFR; a command that runs for a moment has
        // no use for them, and loading JFR costs its start. Each reads its property when it first loads.
        for (String jfr : JFR_SWITCHES) {
            if (System.getProperty(jfr) == null) {
                System.setProperty(jfr, "false");
            }
        }
        System.exit(new Cli(CliEnvironment.system()).run(args));
    }

    private static final String[] JFR_SWITCHES = {"io.lettuce.core.jfr", "io.netty.jfr.enabled"};
}
