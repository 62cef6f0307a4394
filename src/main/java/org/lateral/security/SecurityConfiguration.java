package org.lateral.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.lateral.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One filter chain, Vaadin's: CSRF protection and navigation access control stay on. Every view
 * carries an access annotation; anonymous access is for the login, setup and error pages only.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // Health and readiness are for load balancers and monitoring; they show no details
                // to anonymous callers.
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                        .loginView(LoginView.class)
                        // Vaadin 25 denies unknown paths outright (an empty 403). Signed-in users
                        // get Lateral's "Page not found" instead; anonymous visitors still go to login.
                        .anyRequest(any -> any.authenticated()))
                .build();
    }

    /** bcrypt today, behind a delegating encoder so stored hashes name their algorithm. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(LoginAccounts accounts) {
        return username -> accounts.findForLogin(username.trim().toLowerCase(java.util.Locale.ROOT))
                .map(LateralUser::new)
                // The same answer for an unknown user and a wrong password.
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }
}
