package dev.conference.cli;

import dev.conference.model.IdempotencyKey;
import picocli.CommandLine.Option;

/**
 * {@code --idempotency-key} for the commands that change something (join, leave, post, end): the
 * library's {@link IdempotencyKey} from the terminal, so a command that failed with "may have been
 * applied" can be run again, with the same key, without doing it twice.
 */
final class KeyOption {
    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = {
                "Run it again with the same KEY (within 10 minutes) and it is done once,",
                "answering as the first run did (default: a fresh key)"
            })
    String key;

    /** The key given, or a fresh one; a bad key is an InvalidInputException (exit 2). */
    IdempotencyKey key() {
        return key == null ? IdempotencyKey.fresh() : IdempotencyKey.of(key);
    }
}
