package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conference.local.StoreLocation;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void aRemoteLocationShowsItsUriMasked() {
        assertThat(new StoreLocation.Remote("redis://u:pw@host:1")).hasToString("Redis at redis://u:***@host:1");
    }
}
