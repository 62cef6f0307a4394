-- An assignment with students' work is archived, never deleted, when its teacher removes it
-- (issue 19, DD035): students no longer see it and the class's lists leave it out, but every
-- submission stays until the teacher restores it or the student's data is deleted. An assignment
-- nobody opened is deleted outright. Owned by the assignment feature.
ALTER TABLE assignment ADD COLUMN archived_at timestamptz;
