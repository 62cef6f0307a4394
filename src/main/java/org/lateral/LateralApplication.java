package org.lateral;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.aura.Aura;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lateral: a media-literacy classroom app. Start here; the README explains how to run it. */
@SpringBootApplication
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/lateral.css")
public class LateralApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(LateralApplication.class, args);
    }
}
