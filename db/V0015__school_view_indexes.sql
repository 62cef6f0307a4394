-- The school view (DD016, "Dashboard performance") reads a whole school at once: its classes, the
-- current enrollments and the assignments, each by school_id. Until now these tables were only
-- ever read by class or by id, so each of these reads scanned the table of every school. With one
-- school per install that is the same thing; with many schools on one database it grows with the
-- district, so the school's rows are found through an index instead.
CREATE INDEX class_school ON class (school_id);
CREATE INDEX enrollment_school_current ON enrollment (school_id, class_id) WHERE ended_at IS NULL;
CREATE INDEX assignment_school ON assignment (school_id, class_id);
