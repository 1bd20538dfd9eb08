package dev.conference.cli;

/** The {@code conference} executable: runs one command line and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(new Cli(CliEnvironment.system()).run(args));
    }
}
