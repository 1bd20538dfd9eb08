package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void masksThePasswordOfEveryUriAndKeepsTheRest() {
        assertThat(Secrets.mask("redis://alice:s3cret@db.example.com:6379/2"))
                .isEqualTo("redis://alice:***@db.example.com:6379/2");
        assertThat(Secrets.mask("rediss://:s3cret@db:6380")).isEqualTo("rediss://:***@db:6380");
        assertThat(Secrets.mask("redis://s3cret@db")).isEqualTo("redis://***@db");
        assertThat(Secrets.mask("from redis://a:p@x and redis://b:q@y")).isEqualTo("from redis://a:***@x and redis://b:***@y");
        assertThat(Secrets.mask("redis://db.example.com:6379")).isEqualTo("redis://db.example.com:6379");
        assertThat(Secrets.mask("expected redis://[user:password@]host:port")).isEqualTo("expected redis://[user:password@]host:port");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void aRemoteLocationShowsItsUriMasked() {
        assertThat(new StoreLocation.Remote("redis://u:pw@host:1")).hasToString("Redis at redis://u:***@host:1");
    }
}
