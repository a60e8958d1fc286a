-- Bemanna: accounts, roles per unit, sessions, wish rounds, hearing comments and approvals.

create table users (
  id               text primary key default gen_random_uuid()::text,
  organisation_id  text not null references organisations (id) on delete cascade,
  -- Login name (e.g. "leder@solsiden"); compared case-insensitively, stored lower-case.
  username         text not null unique check (length(username) between 3 and 120 and username = lower(username)),
  display_name     text not null check (length(display_name) between 1 and 120),
  -- argon2id PHC string.
  password_hash    text not null check (password_hash like '$argon2%'),
  -- The employee this account belongs to (employees, union and safety representatives).
  employee_id      text references employees (id) on delete set null,
  disabled         boolean not null default false,
  created_at       timestamptz not null default now()
);
create index users_employee_idx on users (employee_id);

-- A role is held for one unit, or for the whole organisation when unit_id is null (admin).
create table user_roles (
  id        bigint generated always as identity primary key,
  user_id   text not null references users (id) on delete cascade,
  role      text not null check (role in ('admin', 'leader', 'planner', 'employee', 'union_rep', 'safety_rep')),
  unit_id   text references units (id) on delete cascade,
  check ((role = 'admin') = (unit_id is null))
);
create unique index user_roles_uniq on user_roles (user_id, role, coalesce(unit_id, ''));
create index user_roles_unit_idx on user_roles (unit_id);

-- Sessions: only a SHA-256 hash of the cookie token is stored; the CSRF token is per session.
create table sessions (
  token_hash    text primary key check (length(token_hash) = 64),
  user_id       text not null references users (id) on delete cascade,
  csrf_token    text not null check (length(csrf_token) >= 32),
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- A wish round (ønskerunde) on a plan: while open, the plan's employees send their wish forms.
create table wish_rounds (
  plan_id     text primary key references plans (id) on delete cascade,
  is_open     boolean not null default true,
  deadline    date,
  opened_by   text not null,
  opened_at   timestamptz not null default now(),
  closed_at   timestamptz
);

-- Who sent a wish form when (the wishes themselves are in `wishes`).
create table wish_submissions (
  plan_id       text not null references plans (id) on delete cascade,
  employee_id   text not null references employees (id) on delete cascade,
  submitted_at  timestamptz not null default now(),
  wish_count    integer not null check (wish_count >= 0),
  desired_position_percent numeric(5, 2) check (desired_position_percent > 0 and desired_position_percent <= 100),
  long_shifts   text check (long_shifts in ('yes', 'no', 'indifferent')),
  note          text check (length(note) <= 1000),
  primary key (plan_id, employee_id)
);

-- Hearing (høring): comments on a plan, on the whole plan or on one person's line.
create table plan_comments (
  id            bigint generated always as identity primary key,
  plan_id       text not null references plans (id) on delete cascade,
  plan_version  integer not null check (plan_version >= 1),
  user_id       text not null references users (id) on delete cascade,
  role          text not null,
  employee_id   text references employees (id) on delete cascade,
  body          text not null check (length(body) between 1 and 4000),
  created_at    timestamptz not null default now()
);
create index plan_comments_plan_idx on plan_comments (plan_id, created_at);

-- Recorded approvals: who, in which role, when, and which version of the plan.
create table plan_approvals (
  id            bigint generated always as identity primary key,
  plan_id       text not null references plans (id) on delete cascade,
  plan_version  integer not null check (plan_version >= 1),
  user_id       text not null references users (id) on delete cascade,
  role          text not null check (role in ('leader', 'union_rep', 'safety_rep', 'admin')),
  comment       text check (length(comment) <= 4000),
  approved_at   timestamptz not null default now(),
  unique (plan_id, plan_version, user_id, role)
);
create index plan_approvals_plan_idx on plan_approvals (plan_id, approved_at);
