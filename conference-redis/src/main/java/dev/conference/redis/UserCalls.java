package dev.conference.redis;

import dev.conference.model.Email;
import java.util.List;
import java.util.Optional;

/** The scripts of a user's slot that note where the user's records are, one binding each. */
final class UserCalls {
    private UserCalls() {}

    /** What a note read of the user's hash: their normalized email and which life of theirs this is. */
    record Noted(String email, String life) {
        /** As the user's hash holds them: the email normalized here, a missing life as ''. */
        static Noted of(String email, String life) {
            return new Noted(Email.normalize(email), life == null ? "" : life);
        }
    }

    /** note-joined.lua: notes {@code member} ("n|meeting id") in the user's hash; empty if no such user. */
    record NoteJoined(String user, String member) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.NOTE_JOINED;
        }

        @Override
        public String[] keys() {
            return new String[] {user};
        }

        @Override
        public String[] args() {
            return new String[] {member};
        }

        Optional<Noted> decode(List<Object> reply) {
            if (!Replies.status(reply).equals("OK")) {
                return Optional.empty();
            }
            return Optional.of(Noted.of(Replies.string(reply, 1), Replies.string(reply, 2)));
        }
    }

    /** note-imported.lua: notes each of {@code members} in the user's hash; the user's life, or empty if no such user. */
    record NoteImported(String user, List<String> members) implements ScriptCall {
        @Override
        public LuaScript script() {
            return Scripts.NOTE_IMPORTED;
        }

        @Override
        public String[] keys() {
            return new String[] {user};
        }

        @Override
        public String[] args() {
            return members.toArray(String[]::new);
        }

        Optional<String> decode(List<Object> reply) {
            return Replies.status(reply).equals("OK") ? Optional.of(Replies.string(reply, 1)) : Optional.empty();
        }
    }
}
