package org.lateral.security;

import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationContext;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Vaadin's own decision on who may open a page, unchanged, with its refusals of a signed-in person
 * recorded in the audit trail (R19: navigation denials). Only the page's class name is kept, not
 * its address, which may carry ids or text the person typed. Refusals of someone not signed in
 * are the ordinary way to the sign-in page and are not recorded; neither is the error page's own
 * check, nor the menu's question whether to show a page.
 */
final class PageDenials implements AccessCheckDecisionResolver {

    private final AccessCheckDecisionResolver decisions = new DefaultAccessCheckDecisionResolver();
    private final transient AuditTrail audit;

    PageDenials(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public AccessCheckResult resolve(List<AccessCheckResult> results, NavigationContext context) {
        AccessCheckResult result = decisions.resolve(results, context);
        if (result.decision() != AccessCheckDecision.ALLOW
                // Only a real attempt to open the page: the menu asks about every page it could
                // show, and a page it leaves out is not a refusal of anyone.
                && context.isNavigating()
                && !context.isErrorHandling()
                && context.getPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof LateralUser user) {
            audit.record(new AuditTrail.Entry(
                    AuditAction.PAGE_DENIED,
                    AuditOutcome.DENIED,
                    AuditTrail.Actor.of(user),
                    null,
                    "page",
                    List.of(),
                    context.getNavigationTarget().getSimpleName(),
                    ""));
        }
        return result;
    }
}
