package org.lateral.library.ui;

import com.vaadin.flow.router.NotFoundException;
import java.util.UUID;

/** Ids in library URLs: anything that is not a UUID is simply a page that does not exist. */
final class RouteIds {

    private RouteIds() {}

    static UUID parse(String parameter) {
        try {
            return UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
