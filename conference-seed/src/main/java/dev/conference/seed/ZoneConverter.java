package dev.conference.seed;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --zone}: a region such as {@code Europe/Athens} or an offset such as {@code +02:00}. */
final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new TypeConversionException(
                    "unknown zone '" + value + "': give a region such as Europe/Athens or an offset such as +02:00");
        }
    }
}
