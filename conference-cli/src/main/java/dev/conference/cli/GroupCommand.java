package dev.conference.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command word that only groups others ({@code users}, {@code meetings}, {@code instances}). */
abstract class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "a subcommand is required: "
                        + String.join(" or ", spec.subcommands().keySet()));
    }
}
