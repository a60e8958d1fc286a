-- Bemanna: the day of absence (issue #5). Planned vs actual for every shift that did not go as
-- planned (a shift with no row here was worked as planned), and the notices sent to the people
-- a cover affects. No diagnosis, no cause: the absence kind is in `absences`.

create table shift_actuals (
  id                 bigint generated always as identity primary key,
  plan_id            text not null references plans (id) on delete cascade,
  work_date          date not null,
  shift_code         text not null check (length(shift_code) between 1 and 8),
  -- Who had the shift in the rota (null: an extra shift that was not planned).
  planned_employee   text references employees (id) on delete set null,
  -- Who actually worked it (null: an outside substitute, or nobody when cover_kind = 'uncovered').
  actual_employee    text references employees (id) on delete set null,
  actual_competence  text,
  cover_kind         text not null check (cover_kind in ('prediction', 'own', 'pool', 'substitute', 'uncovered')),
  substitute_name    text check (length(substitute_name) <= 120),
  -- The prediction shift code the actual worker held that day, when one was used.
  used_prediction    text,
  recorded_by        text references users (id) on delete set null,
  recorded_at        timestamptz not null default now(),
  plan_version       integer not null check (plan_version >= 1)
);
create index shift_actuals_plan_idx on shift_actuals (plan_id, work_date);

create table notifications (
  id           bigint generated always as identity primary key,
  employee_id  text not null references employees (id) on delete cascade,
  plan_id      text references plans (id) on delete cascade,
  message_nb   text not null check (length(message_nb) between 1 and 500),
  message_en   text not null check (length(message_en) between 1 and 500),
  created_at   timestamptz not null default now(),
  read_at      timestamptz
);
create index notifications_employee_idx on notifications (employee_id, created_at);
