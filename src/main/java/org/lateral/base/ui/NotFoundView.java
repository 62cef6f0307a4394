package org.lateral.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A page that does not exist, or that this user may not see: the answer is the same for both. */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        addClassName("error-page");
        setTestId("not-found-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("base.notFound.title"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        Anchor home = BaseNavigation.home().anchor(getTranslation("base.errorPage.home"));
        home.setTestId("not-found-home");
        add(new H2(getTranslation("base.notFound.title")), new Paragraph(getTranslation("base.notFound.text")), home);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
