package dev.conference.redis;

import dev.conference.model.StoreException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import io.lettuce.core.KeyValue;
import java.util.List;
import java.util.Optional;

/**
 * How a user's hash holds the profile: {@code email} in a field of its own (audiences match it, the
 * scripts read it, and the user exists while it is there) and the rest packed in one field,
 * {@code p}: the user's life, age, the length of the gender, the gender and the name, as in
 * {@code Xy3_a9Qk|34|6|femaleAda Lovelace}. A field of a small hash costs its name and two bytes of
 * framing: four in one take a user's hash from 194 to 162 bytes (Redis 6.2, the bench's users), one
 * allocation size smaller. Scripts need only the life, up to the first {@code |} (a life is base64url,
 * which has none); the gender is counted because it is free text and the name follows it.
 *
 * <p>A user saved by an earlier version keeps {@code name}, {@code age}, {@code gender} and
 * {@code life} in fields of their own until saved again (save-user.lua moves them), so reads ask for
 * both.
 */
final class Profile {
    static final String EMAIL = "email";
    static final String PACKED = "p";

    /** What a read of a user's hash asks for, in this order: {@link #user} decodes it. */
    static final String[] FIELDS = {EMAIL, PACKED, "name", "age", "gender", "life"};

    private Profile() {}

    /** What {@code p} holds after the life (save-user.lua puts the life in front, keeping a user's own). */
    static String afterLife(User user) {
        return user.age() + "|" + user.gender().length() + "|" + user.gender() + user.name();
    }

    /**
     * The user a read of {@link #FIELDS} found, or empty if there is none.
     *
     * @throws StoreException if the hash holds what this version did not write
     */
    static Optional<User> user(UserId id, List<KeyValue<String, String>> read) {
        if (!read.get(0).hasValue()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(id, read));
        } catch (RuntimeException unreadable) {
            throw new StoreException(
                    "the profile of user '" + id.value() + "' is not one this version wrote", unreadable);
        }
    }

    private static User decode(UserId id, List<KeyValue<String, String>> read) {
        String email = read.get(0).getValue();
        if (!read.get(1).hasValue()) {
            return new User(
                    id,
                    read.get(2).getValue(),
                    Integer.parseInt(read.get(3).getValue()),
                    read.get(4).getValue(),
                    email);
        }
        String packed = read.get(1).getValue();
        int age = packed.indexOf('|') + 1;
        int length = packed.indexOf('|', age) + 1;
        int gender = packed.indexOf('|', length) + 1;
        int name = gender + Integer.parseInt(packed, length, gender - 1, 10);
        return new User(
                id,
                packed.substring(name),
                Integer.parseInt(packed, age, length - 1, 10),
                packed.substring(gender, name),
                email);
    }

    /** The life in {@code packed} (the field {@code p}), or in {@code old} (a {@code life} field of before); '' if neither. */
    static String life(String packed, String old) {
        if (packed != null) {
            int end = packed.indexOf('|'); // none: all of it, as the scripts' '^[^|]*' reads it
            return end < 0 ? packed : packed.substring(0, end);
        }
        return old == null ? "" : old;
    }
}
