package org.lateral;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;
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
        SpringApplication.run(LateralApplication.class, args);
    }
}
