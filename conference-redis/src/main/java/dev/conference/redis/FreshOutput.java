package dev.conference.redis;

import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * A command's output that starts afresh each time Lettuce writes the command. When a connection
 * drops, Lettuce sends again the commands whose replies had not all arrived, and decodes each new
 * reply into the output the first one began to fill: an array reply cut off part-way would leave its
 * first items there, with the new reply nested after them (a string read as a list, or the wrong
 * item at an index). Lettuce writes a command by encoding its arguments, so the arguments made by
 * {@link #args()} start a new output from {@code make} before each write; the reply decoded is only
 * ever the last write's. Every call goes through the delegate of the moment.
 */
final class FreshOutput<T> extends CommandOutput<String, String, T> {
    private final Supplier<CommandOutput<String, String, T>> make;
    private volatile CommandOutput<String, String, T> current;

    FreshOutput(Supplier<CommandOutput<String, String, T>> make) {
        super(ResendMarks.CODEC, null);
        this.make = make;
        this.current = make.get();
    }

    /** Empty arguments for this output's command: each write of the command starts the output afresh. */
    CommandArgs<String, String> args() {
        return new CommandArgs<>(ResendMarks.CODEC) {
            @Override
            public void encode(ByteBuf buf) {
                current = make.get();
                super.encode(buf);
            }
        };
    }

    @Override
    public T get() {
        return current.get();
    }

    @Override
    public void set(ByteBuffer bytes) {
        current.set(bytes);
    }

    @Override
    public void setSingle(ByteBuffer bytes) {
        current.setSingle(bytes);
    }

    @Override
    public void setBigNumber(ByteBuffer bytes) {
        current.setBigNumber(bytes);
    }

    @Override
    public void set(long integer) {
        current.set(integer);
    }

    @Override
    public void set(double number) {
        current.set(number);
    }

    @Override
    public void set(boolean value) {
        current.set(value);
    }

    @Override
    public void setError(ByteBuffer error) {
        current.setError(error);
    }

    @Override
    public void setError(String error) {
        current.setError(error);
    }

    @Override
    public boolean hasError() {
        return current.hasError();
    }

    @Override
    public String getError() {
        return current.getError();
    }

    @Override
    public void complete(int depth) {
        current.complete(depth);
    }

    @Override
    public void multi(int count) {
        current.multi(count);
    }

    @Override
    public void multiArray(int count) {
        current.multiArray(count);
    }

    @Override
    public void multiPush(int count) {
        current.multiPush(count);
    }

    @Override
    public void multiMap(int count) {
        current.multiMap(count);
    }

    @Override
    public void multiSet(int count) {
        current.multiSet(count);
    }

    @Override
    public String toString() {
        return current.toString();
    }
}
