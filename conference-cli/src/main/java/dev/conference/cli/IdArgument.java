package dev.conference.cli;

import dev.conference.model.InvalidInputException;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an id with the domain's own check, so a blank or too long id is a usage error that names
 * the argument, before anything is sent to the store.
 */
final class IdArgument<T> implements ITypeConverter<T> {
    private final Function<String, T> parse;

    IdArgument(Function<String, T> parse) {
        this.parse = parse;
    }

    @Override
    public T convert(String value) {
        try {
            return parse.apply(value);
        } catch (InvalidInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
