package org.lateral.base.ui;

/**
 * Links to the kernel's own pages, the way every feature's {@code XxxNavigation} does for its
 * views (see {@link Destination} for why links are typed). The root page forwards each user to
 * their home, so "back to the start" never needs to know who is signed in.
 */
public final class BaseNavigation {

    private BaseNavigation() {}

    public static Destination home() {
        return Destination.of(HomeView.class);
    }
}
