package org.lateral.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A page that does not exist, or that this user may not see: the answer is the same for both. */
@AnonymousAllowed
@PageTitle("Page not found · Lateral")
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("error-page");
        setTestId("not-found-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        Anchor home = BaseNavigation.home().anchor("Back to the start page");
        home.setTestId("not-found-home");
        add(
                new H2("Page not found"),
                new Paragraph("There is no page at this address, or it is not available to you."),
                home);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
