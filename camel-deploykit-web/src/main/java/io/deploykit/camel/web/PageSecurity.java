package io.deploykit.camel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The page's own filter chain, for its path only: form login with the page's users (no other user of the
 * application signs in here), viewers read, operators act, CSRF on every action, and no user configured means
 * nobody gets in. The page itself redirects to its login; its data and actions answer 401 to a stranger.
 */
final class PageSecurity {

    private PageSecurity() {
    }

    static SecurityFilterChain chain(HttpSecurity http, DeployKitWebProperties properties, AuditLog audit) throws Exception {
        String path = properties.getPath();
        DaoAuthenticationProvider users = new DaoAuthenticationProvider(PageUsers.of(properties.getUsers()));
        users.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path, path + "/**")
                .authenticationManager(new ProviderManager(new SignInThrottle(users, properties.getUsers().keySet(),
                        audit, java.time.Clock.systemUTC())))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(paths.matcher(path + "/login"), paths.matcher(path + "/page.css"))
                            .permitAll();
                    if (properties.getUsers().isEmpty()) {
                        requests.anyRequest().denyAll();
                        return;
                    }
                    requests.requestMatchers(paths.matcher(HttpMethod.GET, path), paths.matcher(HttpMethod.GET, path + "/**"))
                            .hasRole(PageUsers.VIEWER)
                            .anyRequest().hasRole(PageUsers.OPERATOR);
                })
                .formLogin(login -> login.loginPage(path + "/login").defaultSuccessUrl(path, true).permitAll())
                .logout(logout -> logout.logoutUrl(path + "/logout").logoutSuccessUrl(path + "/login?out"))
                // answered here, not through the container's error page, whose chain (the application's) may ask the
                // browser for HTTP Basic credentials
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(path + "/login"),
                                paths.matcher(HttpMethod.GET, path))
                        .defaultAuthenticationEntryPointFor((request, response, failure) -> refuse(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "Sign in first", audit), paths.matcher(path + "/**"))
                        .accessDeniedHandler((request, response, denied) -> refuse(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "Your role may not do this (or the page is stale:"
                                                                  + " reload it)", audit)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** Answers the refusal; an action refused (not a read) is audited like the actions that run. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message,
                               AuditLog audit) throws java.io.IOException {
        if (!"GET".equals(request.getMethod())) {
            audit.record(request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName(),
                    request.getMethod(), request.getRequestURI(), "refused: " + status);
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
