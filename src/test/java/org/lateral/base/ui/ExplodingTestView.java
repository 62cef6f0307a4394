package org.lateral.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Test-only page that fails while it is built, to see what users see when something breaks. */
@Route("test-only/explode")
@PermitAll
public class ExplodingTestView extends Div {

    public static final String SECRET = "internal detail 7f3a";

    public ExplodingTestView() {
        throw new IllegalStateException("Simulated failure with an " + SECRET);
    }
}
