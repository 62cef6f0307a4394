package org.lateral.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says, on an access annotation such as {@code @TeacherOfClass} or {@code @ForTeachers}, what a
 * refusal means (DD009):
 * who lacks every one of the {@link #role()}s is denied outright; who has it but asks for something that is
 * not theirs gets the same answer as for something that does not exist ({@link #notFound()}, or
 * an empty {@code Optional}), so a foreign id cannot be told from a missing one.
 */
@Documented
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ResourceRule {

    /** The roles any one of which lets a caller ask at all (most rules name one). */
    Role[] role();

    /**
     * The translation key of the sentence a refused caller with the role reads, the same as when
     * the thing does not exist (under {@code security.notFound.}); empty for a rule of the role
     * alone.
     */
    String notFound() default "";
}
