package dev.conference.cli;

import dev.conference.port.ConferenceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code conference} command: the options every command shares and the list of commands. Each
 * run has its own instance; the commands reach the store, the output and the clock through it.
 */
@Command(
        name = "conference",
        mixinStandardHelpOptions = true,
        versionProvider = ConferenceCommand.Version.class,
        description = {
            "Users, meetings and what happens live in them, kept in Redis.",
            "Without --redis or REDIS_URL it uses an embedded Redis that keeps its data",
            "in --data-dir; its first start seeds demo data."
        },
        subcommands = {
            UsersCommand.class,
            MeetingsCommand.class,
            InstancesCommand.class,
            LiveCommands.Join.class,
            LiveCommands.Renew.class,
            LiveCommands.Leave.class,
            LiveCommands.Remove.class,
            LiveCommands.SetAttributes.class,
            LiveCommands.Participants.class,
            LiveCommands.Active.class,
            LiveCommands.End.class,
            ChatCommands.Post.class,
            ChatCommands.Chat.class,
            LiveCommands.JoinTimes.class,
            ChatCommands.Messages.class,
            ChatCommands.Events.class,
            WatchCommand.class,
            SchedulerCommand.class,
            ShellCommand.class,
        },
        footer = {
            "%nExit codes:",
            "  0  done",
            "  1  failure, e.g. Redis unreachable",
            "  2  usage error or invalid value; nothing was stored",
            "  3  unknown user or meeting",
            "  4  refused: not allowed, not active, already in, not in"
        })
final class ConferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--redis",
            paramLabel = "URI",
            description = {
                "Redis to use: redis://[[user:]password@]host:port[/db]",
                "or rediss://... (default: $REDIS_URL, else the embedded one)"
            })
    String redis;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = {"Where the embedded Redis keeps its data", "(default: ~/.conference/redis)"})
    Path dataDir;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = {"How long one Redis command may take before it fails", "(default: 5s)"})
    Duration timeout;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the result as one JSON document")
    boolean json;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show library logs, and stack traces of failures")
    boolean verbose;

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final CliEnvironment environment;
    private final Session session;
    /** The command that started the shell this line runs in; null outside a shell. */
    private final ConferenceCommand shell;

    ConferenceCommand(CliEnvironment environment, Session session, ConferenceCommand shell) {
        this.environment = environment;
        this.session = session;
        this.shell = shell;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required, e.g. 'conference users list'");
    }

    CliEnvironment environment() {
        return environment;
    }

    boolean json() {
        return json || (shell != null && shell.json());
    }

    boolean verbose() {
        return verbose || (shell != null && shell.verbose());
    }

    boolean inShell() {
        return shell != null;
    }

    Session session() {
        return session;
    }

    Output output() {
        return new Output(environment.out(), json(), environment.zone());
    }

    /** The store, connected on first use. */
    ConferenceStore store() {
        if (shell != null) {
            if (redis != null || dataDir != null || timeout != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "the shell is connected to "
                                + session.location().map(Object::toString).orElse("its store")
                                + "; --redis, --data-dir and --timeout apply when the shell starts");
            }
            return shell.store();
        }
        if (redis != null && dataDir != null) {
            throw new ParameterException(
                    spec.commandLine(), "--data-dir is for the embedded Redis; it cannot be used with --redis");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new ParameterException(
                    spec.commandLine(), "--timeout must be longer than zero, got " + DurationArgument.format(timeout));
        }
        Logging.verbose(verbose());
        return session.store(redis, dataDir, timeout != null ? timeout : DEFAULT_TIMEOUT);
    }

    /**
     * For the commands that run until Ctrl-C: in a shell, Ctrl-C would end the shell too.
     *
     * @param command the command's own spec, for the usage message
     */
    void requireOwnProcess(CommandSpec command) {
        if (shell != null) {
            throw new ParameterException(
                    command.commandLine(),
                    command.name() + " runs until Ctrl-C, which would" + " end the shell too; run 'conference "
                            + command.name() + "' in a terminal of its own");
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ConferenceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"conference " + (version == null ? "(development build)" : version)};
        }
    }
}
