package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;

@LateralTest
class SetupViewTest extends SpringBrowserlessTest {

    @Test
    void once_accounts_exist_the_setup_page_offers_no_form() {
        SetupView view = navigate(SetupView.class);
        assertThat(view.getElement().getAttribute("data-testid")).isEqualTo("setup-closed");
        assertThat($(TextField.class).exists()).isFalse();
    }
}
