-- The wish form's weekend preference: the Saturdays of the weekends the employee would rather
-- work, comma-separated (null: no preference). The weak wishes it stands for are in `wishes`.
alter table wish_submissions add column preferred_weekends text;
