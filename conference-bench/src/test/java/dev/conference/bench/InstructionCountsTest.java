package dev.conference.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reads callgrind_annotate's inclusive counts as valgrind 3.19 prints them, stripped binary or not. */
class InstructionCountsTest {
    private static final String ANNOTATED = """
            --------------------------------------------------------------------------------
            Ir                                   file:function
            --------------------------------------------------------------------------------
            1,229,380,251 (1082.3%)  /tmp/redis/src/networking.c:readQueryFromClient [/tmp/redis/src/redis-server]
              367,855,686 (323.8%)  ???:lpFind [/usr/bin/redis-check-rdb]
               42,907,937 (37.77%)  ???:lpFindCb [/usr/bin/redis-check-rdb]
            """;

    @Test
    void readsTheCountOfTheNamedFunctionOnly() {
        assertThat(InstructionCounts.inclusive(ANNOTATED, "readQueryFromClient"))
                .isEqualTo(1_229_380_251L);
        assertThat(InstructionCounts.inclusive(ANNOTATED, "lpFind")).isEqualTo(367_855_686L);
    }

    @Test
    void countsNothingForAFunctionNotInTheProfile() {
        assertThat(InstructionCounts.inclusive(ANNOTATED, "hsetCommand")).isZero();
    }
}
