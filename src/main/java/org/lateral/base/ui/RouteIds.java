package org.lateral.base.ui;

import com.vaadin.flow.router.NotFoundException;
import java.util.UUID;

/** Ids in URLs: anything that is not a UUID is simply a page that does not exist. */
public final class RouteIds {

    private RouteIds() {}

    public static UUID parse(String parameter) {
        try {
            return UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
