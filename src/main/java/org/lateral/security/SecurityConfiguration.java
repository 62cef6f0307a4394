package org.lateral.security;

import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.lateral.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * One filter chain, Vaadin's: CSRF protection and navigation access control stay on. Every view
 * carries an access annotation; anonymous access is for the login, setup and error pages only.
 * What was added after the security probe is recorded in DD007.
 */
@Configuration
@EnableWebSecurity
// Services declare who may call each public method (DD009); ArchitectureTest checks they all do.
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * As strict as Vaadin Flow allows without a nonce-based set-up: Flow needs inline scripts and
     * {@code new Function} for its client engine, and inline styles (Vaadin's documentation,
     * "Content Security Policy"). Everything else is this origin only: no third-party script,
     * style, font or frame, no plugins, no framing of Lateral, forms post only to Lateral.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, RequestUtil requestUtil, AuthenticationManager authenticationManager) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // Health and readiness are for load balancers and monitoring; they show no details
                // to anonymous callers.
                .requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/styles/**", "/images/**")
                .permitAll()
                // Spring Boot's error response, so a refused request (an invalid CSRF token) is
                // answered 403 instead of being sent to sign in. It never shows details.
                .requestMatchers("/error")
                .permitAll());
        http.authenticationManager(authenticationManager);
        // Vaadin's own CSRF set-up exempts the login form, so a cross-site page could sign a
        // browser in to an account of the attacker's ("login CSRF"). Here only Vaadin's internal
        // requests are exempt (they carry Vaadin's own token); the login form sends Spring's
        // token, which Vaadin writes into the page.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                // Vaadin writes its pages to the response underneath Spring's wrapper, so headers
                // written at commit time never reached them: write them before the request runs.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class)
                                .enableCsrfConfiguration(false)
                                // Vaadin 25 denies unknown paths outright (an empty 403). Signed-in users
                                // get Lateral's "Page not found" instead; anonymous visitors still go to login.
                                .anyRequest(any -> any.authenticated()))
                .build();
    }

    /**
     * Refusals of declared access rules become {@code AuthorizationDeniedEvent}s: the probe
     * matrix counts them (a refusal must come from the declared rule), and the audit trail will.
     */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /**
     * Vaadin's default navigation access control (view annotations, switched on by
     * {@code VaadinSecurityConfigurer}), with its decisions passed through {@link PageDenials} so
     * that a signed-in person refused a page is recorded in the audit trail.
     */
    @Bean
    NavigationAccessControlConfigurer navigationAccessControlConfigurer(AuditTrail audit) {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withDecisionResolver(new PageDenials(audit))
                .disabled();
    }

    /**
     * Vaadin's security-context strategy (the signed-in user from the Vaadin session, or the
     * thread), one instance per JVM: method security, Spring Security's filters and Vaadin all
     * use this bean, and Vaadin also installs it as the global strategy. With one instance per
     * application context, the last context started (tests run several) would own the global
     * strategy while method security of the others read a different one.
     */
    @Bean
    @Primary
    static SecurityContextHolderStrategy lateralSecurityContextHolderStrategy() {
        return SHARED_STRATEGY;
    }

    private static final SecurityContextHolderStrategy SHARED_STRATEGY = new VaadinAwareSecurityContextHolderStrategy();

    /** bcrypt today, behind a delegating encoder so stored hashes name their algorithm. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(LoginAccounts accounts) {
        return username -> accounts.findForLogin(username.trim().toLowerCase(Locale.ROOT))
                .map(LateralUser::new)
                // The same answer for an unknown user and a wrong password.
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }

    /**
     * The only way to sign in: passwords checked behind the sign-in throttle. Declared as the
     * application's {@link AuthenticationManager} so no second, unthrottled provider exists.
     */
    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            LoginAccounts accounts,
            AuditTrail audit) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, accounts, audit));
    }

    /** Runs before Spring Security, so an ended session is never read as signed in. */
    @Bean
    FilterRegistrationBean<SessionGuard> sessionGuard(
            LoginAccounts accounts,
            Clock clock,
            @Value("${lateral.session.idle-timeout}") Duration idleTimeout,
            @Value("${lateral.session.absolute-timeout}") Duration absoluteTimeout,
            AuditTrail audit) {
        FilterRegistrationBean<SessionGuard> registration =
                new FilterRegistrationBean<>(new SessionGuard(accounts, clock, idleTimeout, absoluteTimeout, audit));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
