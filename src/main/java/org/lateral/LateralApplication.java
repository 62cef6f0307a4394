package org.lateral;

import ch.qos.logback.classic.Level;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;
import org.lateral.base.database.BackupCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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
        SpringApplication.run(LateralApplication.class, args);
    }
}
