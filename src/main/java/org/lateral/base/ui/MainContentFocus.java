package org.lateral.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

/**
 * Where keyboard focus goes when the main content changes. Vaadin swaps the view without a page
 * load, so the browser leaves focus on the link that was clicked (now gone: focus falls to
 * {@code <body>}, and the next Tab starts over at the top) and keeps the old scroll offset. A
 * screen reader user hears nothing of the new page. Moving focus to the new view's heading, and
 * the window to the top, makes an in-app navigation behave like a page load that lands on the
 * page's title. The skip link uses the same step to jump over the header and menu.
 */
public final class MainContentFocus {

    private MainContentFocus() {}

    /** After an in-app navigation: top of the page, focus on the new view's heading. */
    static void afterNavigation(Component layout) {
        // Top of the page, then the focus step, only when focus is not already inside the new
        // view: a view that put the cursor in its first field on purpose keeps it.
        layout.getElement().executeJs("""
                        const view = [...$0.children].find(c => !c.hasAttribute('slot'));
                        // The window or the layout's content area, whichever scrolls: every box the view sits
                        // in, through the layout's shadow root, back to the top.
                        window.scrollTo({top: 0, left: 0, behavior: 'instant'});
                        for (let box = view; box; box = box.assignedSlot ?? box.parentNode ?? box.host) {
                          if (box.scrollTop) box.scrollTop = 0;
                        }
                        const active = document.activeElement;
                        if (view && active && active !== document.body && view.contains(active)) return;
                        if ($0.lateralFocusMain) $0.lateralFocusMain();
                        """, layout.getElement());
    }

    /** The skip link's click: focus moves past the header and menu to the view's heading. */
    static void onSkipLinkClick(Component layout, Element skipLink) {
        // Defines, once per layout, the step both uses share: the heading the view shows first
        // gets focus (made focusable by script only, so Tab does not stop on it); a view without
        // a heading is focused itself. The skip link's click takes that step instead of "#".
        skipLink.executeJs("""
                const layout = $0;
                layout.lateralFocusMain = () => {
                  const view = [...layout.children].find(c => !c.hasAttribute('slot'));
                  if (!view) return;
                  const target = view.querySelector('h1, h2') ?? view;
                  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
                  target.focus({preventScroll: true});
                };
                this.addEventListener('click', e => { e.preventDefault(); layout.lateralFocusMain(); });
                """, layout.getElement());
    }
}
