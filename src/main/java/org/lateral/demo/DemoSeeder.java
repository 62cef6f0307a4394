package org.lateral.demo;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.lateral.base.LateralMode;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.base.Schools;
import org.lateral.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode's data (product.md, "Contracts: Run"): teacher {@code teacher}, students
 * {@code student1} … {@code student24}, all with password {@code lateral-demo}, in one demo class
 * whose time zone is the server's. Seeding goes through the services and is idempotent: a
 * restart finds everything in place and changes nothing.
 */
@Component
@Order(100)
class DemoSeeder implements ApplicationRunner {

    static final String PASSWORD = "lateral-demo";
    static final String CLASS_NAME = "Demo class";
    static final int STUDENTS = 24;
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final LateralMode mode;
    private final ClassroomAdministration classroom;

    DemoSeeder(LateralMode mode, ClassroomAdministration classroom) {
        this.mode = mode;
        this.classroom = classroom;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mode.demo()) {
            seed();
        }
    }

    void seed() {
        long started = System.nanoTime();
        Account teacher = classroom.ensureAccount(Schools.DEFAULT_SCHOOL_ID, "teacher", "Demo Teacher",
                EnumSet.of(Role.TEACHER), PASSWORD);
        SchoolClass demoClass = classroom.ensureClass(teacher, CLASS_NAME, "Media literacy", null,
                ZoneId.systemDefault());
        for (int i = 1; i <= STUDENTS; i++) {
            Account student = classroom.ensureAccount(Schools.DEFAULT_SCHOOL_ID, "student" + i,
                    "Student " + i, Set.of(Role.STUDENT), PASSWORD);
            classroom.ensureEnrolled(demoClass, student);
        }
        log.info("Demo mode: accounts teacher and student1…student{} (password '{}') ready in {} ms",
                STUDENTS, PASSWORD, (System.nanoTime() - started) / 1_000_000);
    }
}
