package dev.conference.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksThePasswordOfEveryUriAndKeepsTheRest() {
        assertThat(Redaction.hidePasswords("redis://alice:s3cret@db.example.com:6379/2"))
                .isEqualTo("redis://alice:***@db.example.com:6379/2");
        assertThat(Redaction.hidePasswords("rediss://:s3cret@db:6380")).isEqualTo("rediss://:***@db:6380");
        assertThat(Redaction.hidePasswords("redis://s3cret@db")).isEqualTo("redis://***@db");
        assertThat(Redaction.hidePasswords("from redis://a:p@x and redis://b:q@y"))
                .isEqualTo("from redis://a:***@x and redis://b:***@y");
        assertThat(Redaction.hidePasswords("redis://db.example.com:6379")).isEqualTo("redis://db.example.com:6379");
        assertThat(Redaction.hidePasswords("expected redis://[user:password@]host:port"))
                .isEqualTo("expected redis://[user:password@]host:port");
        assertThat(Redaction.hidePasswords(null)).isNull();
    }
}
