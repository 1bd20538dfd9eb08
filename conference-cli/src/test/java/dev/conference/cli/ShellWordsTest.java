package dev.conference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsOnBlanksAndKeepsQuotedTextWhole() {
        assertThat(ShellWords.split("  post alice  standup   hi ")).containsExactly("post", "alice", "standup", "hi");
        assertThat(ShellWords.split("post alice standup \"Hello,   world\""))
                .containsExactly("post", "alice", "standup", "Hello,   world");
        assertThat(ShellWords.split("post 'a \"b\" c' \"it's\"")).containsExactly("post", "a \"b\" c", "it's");
        assertThat(ShellWords.split("say \"a \\\"quote\\\" and \\\\ \\n\""))
                .containsExactly("say", "a \"quote\" and \\ \\n");
        assertThat(ShellWords.split("join \"\" standup")).containsExactly("join", "", "standup");
        assertThat(ShellWords.split("pre\"fix\"ed one\\ word")).containsExactly("prefixed", "one word");
    }

    @Test
    void refusesUnterminatedQuotesAndBlankLines() {
        assertThatThrownBy(() -> ShellWords.split("post \"open")).hasMessage("unterminated \" quote at column 6");
        assertThatThrownBy(() -> ShellWords.split("post 'open")).hasMessage("unterminated ' quote at column 6");
        assertThatThrownBy(() -> ShellWords.split("post \\")).hasMessageContaining("nothing to escape");
        assertThatThrownBy(() -> ShellWords.split("   ")).hasMessage("the line is blank");
    }
}
