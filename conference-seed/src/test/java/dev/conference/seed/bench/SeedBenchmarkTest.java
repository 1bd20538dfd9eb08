package dev.conference.seed.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link SeedBenchmark} from Maven; tagged so that {@code mvn verify} leaves it out. Arguments come
 * from the system property {@code bench.args}:
 *
 * <pre>
 * mvn test -Dtest=SeedBenchmarkTest -Dseed.excludedGroups=none -Dbench.args="--users 1000000 ..."
 * </pre>
 */
@Tag("benchmark")
class SeedBenchmarkTest {
    @Test
    void measure() throws Exception {
        String args = System.getProperty("bench.args", "").trim();
        SeedBenchmark.main(args.isEmpty() ? new String[0] : args.split("\\s+"));
    }
}
