package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Translations;
import org.lateral.base.ui.BaseNavigation;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.AccountLanguages;
import org.lateral.classroom.AccountService;

/**
 * The language of one's own pages, for anyone signed in (DD034): one of the languages Lateral
 * has, each written in itself so a person lost in a language they do not read still finds
 * theirs, or the browser's. Saved with the account, so it follows the person to any computer.
 */
@Route("language")
@NamedRoute(RouteName.LANGUAGE)
@PermitAll
class LanguageView extends Div implements HasDynamicTitle {

    /** The choice "follow the browser", beside the language tags. */
    static final String BROWSER = "";

    LanguageView(AccountService accounts, Translations translations) {
        addClassNames("setup-view", "language-view");
        Div column = new Div();
        column.addClassName("narrow-form");
        Anchor back = BaseNavigation.home().anchor(getTranslation("classroom.language.back"));
        back.addClassName("back-link");
        back.setTestId("language-back");

        List<String> choices = new ArrayList<>();
        choices.add(BROWSER);
        translations.getProvidedLocales().forEach(l -> choices.add(l.toLanguageTag()));
        RadioButtonGroup<String> language = new RadioButtonGroup<>(getTranslation("classroom.language.label"));
        language.setItems(choices);
        language.setItemLabelGenerator(
                tag -> tag.equals(BROWSER) ? getTranslation("classroom.language.browser") : ownName(tag));
        language.setValue(accounts.ownLanguage().map(Locale::toLanguageTag).orElse(BROWSER));
        language.setTestId("language-choice");
        language.addClassName("vertical");

        Div message = new Div();
        message.addClassName("form-error");
        message.setTestId("language-message");
        message.getElement().setAttribute("role", "alert");
        Button save = new Button(getTranslation("classroom.language.save"), e -> {
            try {
                accounts.chooseLanguage(language.getValue());
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
                return;
            }
            AccountLanguages.forget();
            // Every page of this session takes the new language; this one is drawn again in it.
            // (Following the browser again: English until the next page asks the browser.)
            String chosen = language.getValue();
            VaadinSession.getCurrent()
                    .setLocale(
                            chosen == null || chosen.equals(BROWSER)
                                    ? Translations.ENGLISH
                                    : Locale.forLanguageTag(chosen));
            UI.getCurrent().getPage().reload();
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("language-save");

        column.add(
                back,
                new H1(getTranslation("classroom.language.title")),
                new Paragraph(getTranslation("classroom.language.text")),
                language,
                message,
                save);
        add(column);
    }

    /** "English", "Español": a language named in itself, first letter capital. */
    static String ownName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.language.title"));
    }
}
