package vn.caitien.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import vn.caitien.access.Role;
import vn.caitien.infra.login.DemoUsers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people who can log in: the bundled demo accounts (identity/demo-users.json, the same copy the
 * demo loader acts with) or a users file of that shape. Each one's password, and the claims its tokens carry.
 */
public final class Accounts implements UserDetailsService {
    private final DemoUsers users;
    private final Map<String, DemoUsers.User> byUsername;

    Accounts(DemoUsers users) {
        for (DemoUsers.User user : users.all()) {
            for (String role : user.roles()) Role.valueOf(role); // the file reader and the services agree on names
        }
        this.users = users;
        this.byUsername = users.all().stream().collect(Collectors.toUnmodifiableMap(DemoUsers.User::username,
                Function.identity()));
    }

    /** The users file when one is set, else the bundled demo accounts. */
    static Accounts load(String usersFile) {
        return new Accounts(usersFile == null || usersFile.isBlank() ? DemoUsers.load() : DemoUsers.read(Path.of(usersFile)));
    }

    Optional<DemoUsers.User> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    List<DemoUsers.User> all() {
        return users.all();
    }

    /** The demo password shown on the login page of the embedded stack; null when users have their own. */
    String sharedPassword() {
        return users.sharedPassword();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DemoUsers.User user = byUsername.get(username);
        if (user == null) throw new UsernameNotFoundException(username);
        // Own passwords are stored encoded ({bcrypt}…); the shared demo password is public by design.
        String password = user.encodedPassword() != null ? user.encodedPassword() : "{noop}" + users.sharedPassword();
        return User.withUsername(user.username()).password(password)
                .authorities(user.roles().stream().map(r -> "ROLE_" + r).toArray(String[]::new)).build();
    }
}
