package org.lateral.audit;

import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import java.util.List;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.LateralUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records a signed-in person asking for a page their role may not open. Vaadin collects every
 * {@link NavigationAccessChecker} bean; this one never votes (neutral), it asks the annotation
 * checker that does vote and records its refusal. Only the page's class name is kept, not its
 * address, which may carry ids or text typed by the person.
 */
@Component
class PageDenials implements NavigationAccessChecker {

    private final transient AnnotatedViewAccessChecker annotations;
    private final transient AuditTrail audit;

    PageDenials(AnnotatedViewAccessChecker annotations, AuditTrail audit) {
        this.annotations = annotations;
        this.audit = audit;
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        if (!context.isErrorHandling()
                && context.getPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof LateralUser user
                && annotations.check(context).decision() == AccessCheckDecision.DENY) {
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
        return context.neutral();
    }
}
