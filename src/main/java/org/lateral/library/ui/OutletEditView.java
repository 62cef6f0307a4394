package org.lateral.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.OutletKind;
import org.lateral.library.importing.EditableOutlet;
import org.lateral.library.importing.OutletCorrection;
import org.lateral.library.importing.OutletEditService;

/**
 * Correcting the profile of one of the teacher's own outlets (DD012, "Editing an outlet
 * profile"): saved as a new profile version, then back to the profile, whose history lists the
 * earlier one. The form remembers the version it was opened at; the service refuses the save if
 * the profile changed meanwhile.
 */
@Route("library/outlet/edit")
@RolesAllowed("TEACHER")
class OutletEditView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final OutletEditService edits;
    private final Div message = new Div();

    OutletEditView(OutletEditService edits) {
        this.edits = edits;
        addClassNames("page", "outlet-edit");
        message.addClassName("form-error");
        message.setTestId("outlet-edit-error");
        message.getElement().setAttribute("role", "alert");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID id = RouteIds.parse(parameter);
        removeAll();
        message.setText("");
        Anchor back = LibraryNavigation.outlet(id).anchor("\u2190 " + getTranslation("library.outletEdit.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(getTranslation("library.outletEdit.heading")));
        try {
            render(edits.editable(id));
        } catch (UserFacingException ex) {
            // Not the teacher's own (a pack's or a colleague's): the sentence, and no form.
            message.setText(ex.getLocalizedMessage());
            add(message);
        }
    }

    private void render(EditableOutlet outlet) {
        add(new Paragraph(getTranslation("library.outletEdit.intro")));

        TextField name = field(getTranslation("library.outletEdit.name"), "outlet-edit-name", 200, outlet.name());
        Select<OutletKind> kind = new Select<>();
        kind.setLabel(getTranslation("library.outlet.kind"));
        kind.setTestId("outlet-edit-kind");
        kind.setItems(OutletKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setValue(outlet.kind());
        TextField country =
                field(getTranslation("library.outlet.country"), "outlet-edit-country", 100, outlet.country());
        TextField home = field(getTranslation("library.outletEdit.home"), "outlet-edit-home", 2000, outlet.homeUrl());
        home.setPlaceholder("https://");
        TextArea ownership =
                area(getTranslation("library.outlet.ownership"), "outlet-edit-ownership", 2000, outlet.ownership());
        TextField ownershipSource = field(
                getTranslation("library.outletEdit.ownershipSource"),
                "outlet-edit-ownership-source",
                2000,
                outlet.ownershipSource());
        TextField publisher =
                field(getTranslation("library.outlet.publisher"), "outlet-edit-publisher", 2000, outlet.publisher());
        TextField publisherSource = field(
                getTranslation("library.outletEdit.publisherSource"),
                "outlet-edit-publisher-source",
                2000,
                outlet.publisherSource());
        TextArea description =
                area(getTranslation("library.outletEdit.about"), "outlet-edit-description", 4000, outlet.description());

        Button save = new Button(getTranslation("library.edit.saveVersion"), e -> {
            try {
                edits.saveEdit(
                        outlet.outletId(),
                        outlet.version(),
                        new OutletCorrection(
                                name.getValue(),
                                kind.getValue(),
                                country.getValue(),
                                ownership.getValue(),
                                ownershipSource.getValue(),
                                publisher.getValue(),
                                publisherSource.getValue(),
                                description.getValue(),
                                home.getValue()));
                getUI().ifPresent(ui ->
                        LibraryNavigation.outlet(outlet.outletId()).navigate(ui));
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
                message.scrollIntoView();
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("outlet-edit-save");

        add(
                new FormLayout(name, kind, country, home, publisher, publisherSource),
                ownership,
                ownershipSource,
                description,
                message,
                save);
    }

    private static TextField field(String label, String testId, int maxLength, @Nullable String value) {
        TextField field = new TextField(label);
        field.setTestId(testId);
        field.setMaxLength(maxLength);
        field.setValue(Objects.requireNonNullElse(value, ""));
        field.setWidthFull();
        return field;
    }

    private static TextArea area(String label, String testId, int maxLength, @Nullable String value) {
        TextArea area = new TextArea(label);
        area.setTestId(testId);
        area.setMaxLength(maxLength);
        area.setValue(Objects.requireNonNullElse(value, ""));
        area.setWidthFull();
        return area;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("library.outletEdit.title"));
    }
}
