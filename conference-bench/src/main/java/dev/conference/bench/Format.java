package dev.conference.bench;

import java.util.Locale;

/** How figures are printed: whole operations per second, milliseconds, bytes, ratios. */
final class Format {
    private Format() {}

    static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String spread(Spread spread) {
        return perSecond(spread.median()) + " [" + perSecond(spread.min()) + " .. " + perSecond(spread.max()) + "]";
    }

    /** Microseconds, one decimal: CPU per operation is a few of them. */
    static String micros(Spread spread) {
        return String.format(Locale.ROOT, "%.1f [%.1f .. %.1f]", spread.median(), spread.min(), spread.max());
    }

    static String millis(double value) {
        return value >= 100
                ? String.format(Locale.ROOT, "%,.0f ms", value)
                : value >= 10
                        ? String.format(Locale.ROOT, "%.1f ms", value)
                        : String.format(Locale.ROOT, "%.3f ms", value);
    }

    static String ratio(double value) {
        return value >= 100
                ? String.format(Locale.ROOT, "%,.0fx", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1fx", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String bytes(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
