package org.lateral.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * What a refused call to a service method with a resource rule answers (DD009): without the
 * rule's role, {@link AccessDeniedException}; with it, the answer for a missing thing: an empty
 * {@code Optional}, or {@link NotYoursException} carrying the rule's sentence.
 */
@Component
public class NotYoursHandler implements MethodAuthorizationDeniedHandler {

    private final CurrentUser currentUser;

    NotYoursHandler(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public @Nullable Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        Method method = invocation.getMethod();
        ResourceRule rule = rule(method);
        if (rule == null) {
            throw new AccessDeniedException(currentUser.get().isEmpty() ? "Not signed in" : "Access denied");
        }
        if (currentUser
                        .get()
                        .filter(u -> Arrays.stream(rule.role()).anyMatch(u::has))
                        .isEmpty()
                || rule.notFound().isEmpty()) {
            throw new AccessDeniedException(
                    currentUser.get().isEmpty()
                            ? "Not signed in"
                            : "This needs the "
                                    + Arrays.stream(rule.role()).map(Role::name).collect(Collectors.joining(" or "))
                                    + " role");
        }
        if (Optional.class.equals(method.getReturnType())) {
            return Optional.empty();
        }
        throw new NotYoursException(rule.notFound());
    }

    private static @Nullable ResourceRule rule(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            ResourceRule rule =
                    AnnotatedElementUtils.findMergedAnnotation(annotation.annotationType(), ResourceRule.class);
            if (rule != null) {
                return rule;
            }
        }
        return null;
    }
}
