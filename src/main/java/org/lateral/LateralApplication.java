package org.lateral;

import ch.qos.logback.classic.Level;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lateral.base.database.BackupCommand;
import org.lateral.classroom.SchoolCommand;
import org.lateral.classroom.SchoolSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Lateral: a media-literacy classroom app. Start here; the README explains how to run it. */
@SpringBootApplication
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/lateral.css")
public class LateralApplication implements AppShellConfigurator {

    /**
     * The tab's icon. Without a declared one every browser asks for /favicon.ico and logs a 404 on
     * every page; the images path is public (SecurityConfiguration), so the login page has it too.
     */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "images/lateral-icon.svg", "any");
    }

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            // `backup` / `restore` (DD024) run without the web app; only warnings are logged, so
            // the command's own lines stay readable.
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
            System.exit(BackupCommand.run(args, System.getenv(), System.out, System.err));
        }
        if (SchoolCommand.handles(args)) {
            // `school add` / `school list` (DD025) need the schema and the services, not the web.
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
            System.exit(
                    SchoolCommand.run(args, System.getenv(), System.out, System.err, LateralApplication::withoutWeb));
        }
        SpringApplication.run(LateralApplication.class, args);
    }

    /**
     * Lateral without its web server, for a command. The context stays a web application context
     * (Vaadin's and Spring Security's configuration require one) but {@code server.port=-1} keeps
     * the server from listening, so a command runs beside a running Lateral on an external
     * database without needing a free port. The settings go in as command-line properties, which
     * outrank application.properties (a --data-dir must beat LATERAL_DATA_DIR's default there).
     * Start-up logging stays at warnings, and the first-run token is not printed: this process
     * never serves /setup.
     */
    private static SchoolCommand.Started withoutWeb(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("logging.level.root", "WARN");
        all.put("logging.level.org.lateral.classroom.FirstRunSetup", "ERROR");
        all.put("spring.main.banner-mode", "off");
        all.put("server.port", "-1");
        String[] properties = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LateralApplication.class).run(properties);
        return new SchoolCommand.Started(context.getBean(SchoolSetup.class), context::close);
    }
}
