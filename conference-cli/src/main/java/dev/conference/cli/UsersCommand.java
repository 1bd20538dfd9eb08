package dev.conference.cli;

import dev.conference.cli.Views.DeletedUserView;
import dev.conference.cli.Views.SavedView;
import dev.conference.cli.Views.UserView;
import dev.conference.model.UnknownUserException;
import dev.conference.model.User;
import dev.conference.model.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code users list}, {@code users add} and {@code users delete}. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "List, add or delete users.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.AddUser.class, UsersCommand.DeleteUser.class})
final class UsersCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users in id order.")
    static final class ListUsers extends StoreCommand {
        @Mixin
        PageOptions paging;

        @Override
        void run() {
            List<User> users = directory().users(paging.page());
            Table table = Table.of("ID", "NAME", "AGE", "GENDER", "EMAIL");
            users.forEach(user -> table.row(user.id(), user.name(), user.age(), user.gender(), user.email()));
            output().result(users.stream().map(UserView::of).toList(), table, "no users");
            paging.hintIfFull(users, user -> user.id().value(), notes());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
    static final class AddUser extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The user's id")
        UserId id;

        @Option(names = "--name", required = true, description = "Display name")
        String name;

        @Option(names = "--age", required = true, description = "Age, 0 to 150")
        int age;

        @Option(names = "--gender", required = true, description = "Gender, free text")
        String gender;

        @Option(names = "--email", required = true, description = "Email; restricted meetings admit by it")
        String email;

        @Option(names = "--replace", description = "Replace the user if the id exists already")
        boolean replace;

        @Override
        void run() {
            User user = new User(id, name, age, gender, email);
            boolean exists = directory().user(id).isPresent();
            if (exists && !replace) {
                throw new ParameterException(
                        spec.commandLine(), "user '" + id + "' exists already; add --replace to replace it");
            }
            directory().saveUser(user);
            output().result(
                            new SavedView<>(exists, UserView.of(user)),
                            (exists ? "replaced" : "added") + " user " + id);
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Delete a user and every chat message they posted, in every meeting",
                "(a data-protection request). Event logs keep their id. No confirmation.",
                "Exit 3: unknown user."
            })
    static final class DeleteUser extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The user's id")
        UserId id;

        @Override
        void run() {
            if (!directory().deleteUser(id)) {
                throw new UnknownUserException(id);
            }
            output().result(new DeletedUserView(id.value(), true), "deleted user " + id + " and their chat messages");
        }
    }
}
