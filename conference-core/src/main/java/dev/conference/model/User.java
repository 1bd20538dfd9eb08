package dev.conference.model;

/**
 * A person who can join meetings.
 *
 * @param id     unique id
 * @param name   display name, not blank, at most 200 characters
 * @param age    0 to 150
 * @param gender free text, not blank, at most 50 characters
 * @param email  the address audiences are matched against, ignoring case
 */
public record User(UserId id, String name, int age, String gender, String email) {
    public static final int MAX_AGE = 150;

    public User {
        Check.notNull("user id", id);
        Check.text("user name", name, 200);
        if (age < 0 || age > MAX_AGE) {
            throw new InvalidInputException("user age must be between 0 and " + MAX_AGE + ", got " + age);
        }
        Check.text("user gender", gender, 50);
        Email.require("user email", email);
    }
}
