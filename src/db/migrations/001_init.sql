-- Bemanna: initial schema. Runs unchanged on PGlite and PostgreSQL (>= 13).
-- Dates are `date` (calendar dates in Europe/Oslo), never timestamps at midnight.
-- Absences never carry a diagnosis or any other health information: only the kind.

create table organisations (
  id          text primary key check (length(id) between 1 and 64),
  name        text not null check (length(name) between 1 and 200),
  created_at  timestamptz not null default now()
);

create table units (
  id               text primary key check (length(id) between 1 and 64),
  organisation_id  text not null references organisations (id) on delete cascade,
  name             text not null check (length(name) between 1 and 120),
  kind             text not null check (kind in ('sykehjem', 'hjemmetjeneste', 'bofellesskap', 'psykisk-helse')),
  service_area     text,
  beds             integer check (beds >= 0),
  created_at       timestamptz not null default now(),
  unique (organisation_id, name)
);
create index units_organisation_idx on units (organisation_id);

-- Employee ids are organisation-wide (employee numbers); unit_id is the home unit.
create table employees (
  id                        text primary key check (length(id) between 1 and 64),
  unit_id                   text not null references units (id) on delete restrict,
  name                      text not null check (length(name) between 1 and 120),
  competence                text check (length(competence) > 0),
  competences               text[],
  position_percent          numeric(5, 2) not null check (position_percent > 0 and position_percent <= 100),
  contract                  text check (contract in ('permanent', 'temporary', 'hourly')),
  birth_date                date,
  can_work_long_shifts      boolean,
  can_work_nights           boolean,
  desired_position_percent  numeric(5, 2) check (desired_position_percent > 0 and desired_position_percent <= 100),
  weekend_frequency         integer check (weekend_frequency between 1 and 6),
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now()
);
create index employees_unit_idx on employees (unit_id);

create table shift_types (
  id             bigint generated always as identity primary key,
  unit_id        text not null references units (id) on delete cascade,
  code           text not null check (length(code) between 1 and 8),
  name           text,
  start_time     time not null,
  end_time       time not null,
  break_minutes  integer check (break_minutes between 0 and 240),
  break_paid     boolean,
  category       text check (category in ('day', 'evening', 'night', 'long', 'middle')),
  unique (unit_id, code),
  check (start_time <> end_time)
);

create table rule_sets (
  id          bigint generated always as identity primary key,
  unit_id     text not null references units (id) on delete cascade,
  params      jsonb not null check (jsonb_typeof(params) = 'object'),
  created_at  timestamptz not null default now()
);
create index rule_sets_unit_idx on rule_sets (unit_id, created_at);

create table plans (
  id             text primary key default gen_random_uuid()::text,
  unit_id        text not null references units (id) on delete cascade,
  name           text not null check (length(name) between 1 and 200),
  -- The `unit` label as written in the plan file (usually the unit's name).
  unit_label     text not null,
  start_date     date not null,
  end_date       date not null,
  planning_form  text not null default 'calendar' check (planning_form in ('calendar', 'rolling', 'annual')),
  status         text not null default 'draft' check (status in ('draft', 'hearing', 'approved', 'published')),
  version        integer not null default 1 check (version >= 1),
  rule_set_id    bigint not null references rule_sets (id),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  check (end_date >= start_date)
);
create index plans_unit_idx on plans (unit_id, start_date);

-- Which of the unit's shift types and which employees a plan uses, in file order.
create table plan_shift_types (
  plan_id        text not null references plans (id) on delete cascade,
  shift_type_id  bigint not null references shift_types (id) on delete restrict,
  ord            integer not null,
  primary key (plan_id, shift_type_id),
  unique (plan_id, ord)
);

create table plan_employees (
  plan_id      text not null references plans (id) on delete cascade,
  employee_id  text not null references employees (id) on delete restrict,
  ord          integer not null,
  -- The plan file named the employee's home unit (homeUnit); it is employees.unit_id.
  lists_home_unit  boolean not null default false,
  primary key (plan_id, employee_id),
  unique (plan_id, ord)
);
create index plan_employees_employee_idx on plan_employees (employee_id);

-- The staffing plan (bemanningsplan) of a plan: minimum/target per shift and day.
create table demand_lines (
  id             bigint generated always as identity primary key,
  plan_id        text not null,
  shift_type_id  bigint not null,
  ord            integer not null,
  weekdays       text[] check (weekdays <@ array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']::text[]),
  dates          date[],
  min_count      integer not null check (min_count >= 0),
  target_count   integer check (target_count >= min_count),
  competence     text check (length(competence) > 0),
  unique (plan_id, ord),
  foreign key (plan_id, shift_type_id) references plan_shift_types (plan_id, shift_type_id) on delete cascade
);

-- Absences: from a plan file (plan_id set) or the registered history (plan_id null).
create table absences (
  id           bigint generated always as identity primary key,
  employee_id  text not null references employees (id) on delete cascade,
  unit_id      text references units (id) on delete set null,
  plan_id      text references plans (id) on delete cascade,
  ord          integer,
  from_date    date not null,
  to_date      date not null,
  kind         text not null check (kind in ('vacation', 'parental_leave', 'self_certified', 'doctor_certified', 'sick_child', 'leave', 'course')),
  source       text not null default 'import' check (source in ('plan', 'import', 'demo')),
  created_at   timestamptz not null default now(),
  check (to_date >= from_date),
  check ((plan_id is null) = (ord is null))
);
create unique index absences_history_uniq on absences (employee_id, from_date, to_date, kind) where plan_id is null;
create unique index absences_plan_ord_uniq on absences (plan_id, ord) where plan_id is not null;
create index absences_employee_idx on absences (employee_id, from_date);
create index absences_unit_idx on absences (unit_id, from_date);

create table wishes (
  id             bigint generated always as identity primary key,
  plan_id        text not null,
  employee_id    text not null,
  ord            integer not null,
  wish_date      date not null,
  shift_type_id  bigint,
  kind           text not null check (kind in ('want', 'avoid')),
  weight         numeric(4, 2) not null default 1 check (weight >= 0 and weight <= 10),
  unique (plan_id, ord),
  foreign key (plan_id, employee_id) references plan_employees (plan_id, employee_id) on delete cascade,
  foreign key (plan_id, shift_type_id) references plan_shift_types (plan_id, shift_type_id) on delete cascade
);

-- The rota: one shift per employee and day in a plan.
create table assignments (
  plan_id        text not null,
  employee_id    text not null,
  work_date      date not null,
  shift_type_id  bigint not null,
  primary key (plan_id, employee_id, work_date),
  foreign key (plan_id, employee_id) references plan_employees (plan_id, employee_id) on delete cascade,
  foreign key (plan_id, shift_type_id) references plan_shift_types (plan_id, shift_type_id) on delete cascade
);
create index assignments_plan_date_idx on assignments (plan_id, work_date);

create table audit_log (
  id         bigint generated always as identity primary key,
  at         timestamptz not null default now(),
  actor      text not null check (length(actor) > 0),
  action     text not null check (length(action) > 0),
  entity     text not null check (length(entity) > 0),
  entity_id  text,
  details    jsonb not null default '{}'::jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id, at);
create index audit_log_at_idx on audit_log (at);
