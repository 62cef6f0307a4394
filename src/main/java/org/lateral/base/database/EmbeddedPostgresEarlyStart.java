package org.lateral.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application context
 * exists, before Spring reads the configuration classes and creates the beans. PostgreSQL's own
 * start (pg_ctl, then waiting until it accepts connections) is a separate process that takes
 * about a second; started here it runs beside Spring's start-up instead of after it, and the
 * {@link EmbeddedPostgresServer} bean takes the server over when the first bean needs the
 * database (G7 in src/docs/performance.md, DD032).
 *
 * <p>Registered in {@code META-INF/spring.factories}: the event comes before the context's
 * beans exist. Without it (a context built some other way) the bean starts the server itself,
 * as before. If the context fails before the bean takes the server, the context's shutdown
 * stops it, so no PostgreSQL outlives a failed start.
 */
public class EmbeddedPostgresEarlyStart implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BEAN_NAME = "embeddedPostgresEarlyStart";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Environment environment = context.getEnvironment();
        // The same decision as EmbeddedDatabaseConfiguration's condition (LateralEnvironmentPostProcessor).
        if (!environment.getProperty("lateral.mode.embedded-database", Boolean.class, false)
                // LATERAL_DATABASE_START_EARLY=false: started by its bean, after Spring's set-up, as before.
                || !environment.getProperty("lateral.database.start-early", Boolean.class, true)
                || !(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)
                || registry.containsSingleton(BEAN_NAME)) {
            return;
        }
        Starting starting = Starting.inBackground(
                Path.of(environment.getRequiredProperty("lateral.data-dir")),
                environment.getProperty("lateral.database.ephemeral", Boolean.class, false));
        registry.registerSingleton(BEAN_NAME, starting);
        registry.registerDisposableBean(BEAN_NAME, starting);
    }

    /** A start under way; {@link #take()} hands the server to its one owner, the bean. */
    static final class Starting implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(Starting.class);

        private final CompletableFuture<EmbeddedPostgresServer> server;
        private final long startedNanos = System.nanoTime();
        private final AtomicBoolean taken = new AtomicBoolean();

        private Starting(CompletableFuture<EmbeddedPostgresServer> server) {
            this.server = server;
        }

        static Starting inBackground(Path dataDirectory, boolean ephemeral) {
            CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                try {
                    server.complete(start(dataDirectory, ephemeral));
                } catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            });
            return new Starting(server);
        }

        static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral) {
            // Ephemeral (tests): a fresh directory per run under the data directory, deleted at shutdown.
            Path root = ephemeral ? freshDirectoryUnder(dataDirectory) : dataDirectory;
            return EmbeddedPostgresServer.start(root, ephemeral);
        }

        /** Waits for the server; its failure (a data directory in use, …) is thrown as it was. */
        EmbeddedPostgresServer take() {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded PostgreSQL was already taken");
            }
            try {
                EmbeddedPostgresServer started = server.join();
                log.debug(
                        "Embedded PostgreSQL ready {} ms after its start began",
                        (System.nanoTime() - startedNanos) / 1_000_000);
                return started;
            } catch (CompletionException e) {
                throw rethrown(e.getCause());
            }
        }

        /** The context failed or closed before taking the server: stop it, once it has started. */
        @Override
        public void destroy() {
            if (!taken.compareAndSet(false, true)) {
                return;
            }
            try {
                server.join().close();
            } catch (CompletionException e) {
                // It never started; the context's own error is the one to report.
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
            }
        }

        private static RuntimeException rethrown(Throwable cause) {
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("Could not start the embedded PostgreSQL", cause);
        }

        private static Path freshDirectoryUnder(Path parent) {
            try {
                return Files.createTempDirectory(Files.createDirectories(parent), "ephemeral-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
