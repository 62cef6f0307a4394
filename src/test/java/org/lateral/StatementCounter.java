package org.lateral;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements one piece of work sends, in the test contexts: the application's
 * DataSource is wrapped so that every statement a connection prepares is counted, but only on a
 * thread inside {@link #count}, so other work (and other tests) are not affected.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

    /** What the work answered and how many statements it sent. */
    public record Counted<T>(T value, int statements) {}

    public static <T> Counted<T> count(Supplier<T> work) {
        int[] count = {0};
        COUNTING.set(count);
        try {
            T value = work.get();
            return new Counted<>(value, count[0]);
        } finally {
            COUNTING.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                ? new CountingDataSource(dataSource)
                : bean;
    }

    /** Keeps the pool's close, which the bean's destroy method calls. */
    static final class CountingDataSource extends DelegatingDataSource implements Closeable {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        @Override
        public void close() throws IOException {
            if (getTargetDataSource() instanceof Closeable closeable) {
                closeable.close();
            }
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        int[] count = COUNTING.get();
                        if (count != null && STATEMENTS.contains(method.getName())) {
                            count[0]++;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
