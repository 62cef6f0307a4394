package org.lateral.classroom.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.lateral.classroom.AccountService;
import org.lateral.security.ui.LoginView;
import org.springframework.stereotype.Component;

/**
 * After signing in with a one-time password, every page leads to "Choose your password" until
 * the student has chosen one. Checked before each navigation, so no page is reachable around it.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final AccountService accounts;

    PasswordChangeGate(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        if (accounts.mustChangePassword()) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
