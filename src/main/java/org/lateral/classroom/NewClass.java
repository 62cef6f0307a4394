package org.lateral.classroom;

/** What a teacher types to create a class. Checked by the service, which says what is wrong. */
public record NewClass(String name, String subject, String schoolYear, String timeZone) {}
