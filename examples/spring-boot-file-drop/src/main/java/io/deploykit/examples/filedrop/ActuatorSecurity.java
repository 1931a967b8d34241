package io.deploykit.examples.filedrop;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read what over HTTP: the health status and the metrics, anyone who reaches the port (loopback unless
 * configured); everything else, such as the consoles profile's dev consoles and the health details, only the operator
 * ({@code deploykit.example.operator-password}, HTTP Basic). Without that password nobody may, and the consoles
 * profile does not start.
 */
@Configuration
class ActuatorSecurity {

    static final String ROLE = "OPERATOR";

    @Bean
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/prometheus").permitAll()
                        .anyRequest().hasRole(ROLE))
                .httpBasic(Customizer.withDefaults())
                // reads only, no browser sessions: no session, and no cookies a forged request could ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operators(FileDropProperties properties, PasswordEncoder encoder, Environment environment) {
        String password = properties.getOperatorPassword();
        if (password == null || password.isBlank()) {
            if (Arrays.asList(environment.getActiveProfiles()).contains("consoles")) {
                throw new IllegalStateException("The consoles profile shows the components' dev consoles to the"
                        + " operator only: set deploykit.example.operator-password (e.g. the environment variable"
                        + " DEPLOYKIT_EXAMPLE_OPERATORPASSWORD)");
            }
            return new InMemoryUserDetailsManager(); // nobody: only health and prometheus answer
        }
        return new InMemoryUserDetailsManager(User.withUsername(properties.getOperatorUsername())
                .password(encoder.encode(password)).roles(ROLE).build());
    }
}
