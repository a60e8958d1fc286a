-- Bemanna: employee master data kept in the app (issue #4, must 3) and one-time passwords (must 2).
-- An employment has a first and, once it has ended, a last day; employees who are referenced by
-- plans, absences or accounts are never deleted, only ended, so history keeps its people.

alter table employees add column employed_from date;
alter table employees add column employed_to date;
alter table employees add constraint employees_employment_check
  check (employed_to is null or employed_from is null or employed_to >= employed_from);

-- A password set by a leader or an admin (a new account, a reset) is a one-time password:
-- the holder is asked to choose their own at the next sign-in.
alter table users add column password_change_required boolean not null default false;
