-- Bemanna: absence history import and registration (issue #5).
-- An absence can now also be registered in the app on the day, by a leader or planner or by
-- the employee themself (source 'registered'); who registered it is kept. Still no diagnosis,
-- no cause and no free text: only the kind.

alter table absences drop constraint if exists absences_source_check;
alter table absences add constraint absences_source_check check (source in ('plan', 'import', 'demo', 'registered'));

-- The user who imported or registered the history absence (null for plan absences and the demo seed).
alter table absences add column registered_by text references users (id) on delete set null;
