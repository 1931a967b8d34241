package io.deploykit.camel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The page's users, from {@code deploykit.web.users}: each password must name its encoding ({@code {bcrypt}},
 * {@code {noop}} ...), so a plain password is never taken for an encoded one; the roles are {@code operator} and
 * {@code viewer}. A mistake stops the start, naming the user, never the password.
 */
final class PageUsers {

    /** May act: retry, dismiss, approve, reject, upload. */
    static final String OPERATOR = "DEPLOYKIT_OPERATOR";
    /** May read the page. */
    static final String VIEWER = "DEPLOYKIT_VIEWER";

    private static final Pattern ENCODED = Pattern.compile("^\\{[a-zA-Z0-9_-]+}.+");

    private PageUsers() {
    }

    static InMemoryUserDetailsManager of(Map<String, DeployKitWebProperties.User> users) {
        List<UserDetails> details = new ArrayList<>();
        users.forEach((name, user) -> details.add(User.withUsername(name).password(password(name, user))
                .roles(roles(name, user)).build()));
        return new InMemoryUserDetailsManager(details);
    }

    private static String password(String name, DeployKitWebProperties.User user) {
        String password = user.getPassword();
        if (password == null || !ENCODED.matcher(password).matches()) {
            throw new IllegalStateException("deploykit.web.users." + name + ".password must name its encoding, as"
                                            + " {bcrypt}$2a$10$... (or {noop}... for a trial)");
        }
        return password;
    }

    private static String[] roles(String name, DeployKitWebProperties.User user) {
        List<String> roles = new ArrayList<>();
        for (String role : user.getRoles()) {
            switch (role.trim().toLowerCase(Locale.ROOT)) {
                case "operator" -> {
                    roles.add(OPERATOR);
                    roles.add(VIEWER);
                }
                case "viewer" -> roles.add(VIEWER);
                default -> throw new IllegalStateException("deploykit.web.users." + name + ".roles: '" + role
                                                           + "' is no role; use operator or viewer");
            }
        }
        return roles.stream().distinct().toArray(String[]::new);
    }
}
