-- Bemanna: every saved version of a plan is kept, so that two versions can be compared
-- (GET /api/plans/:id/compare). Written by the plan repository in the same transaction as the
-- save itself. The plan file of the version is stored whole except its rota, which is kept
-- compactly: employee id → the shift code of each day of the period, comma-separated ('' = free).
-- Versions saved before this migration are not known (the current one is read from the plan).

create table plan_versions (
  plan_id   text not null references plans (id) on delete cascade,
  version   integer not null check (version >= 1),
  plan      jsonb not null check (jsonb_typeof(plan) = 'object'),
  rota      jsonb not null check (jsonb_typeof(rota) = 'object'),
  saved_at  timestamptz not null default now(),
  primary key (plan_id, version)
);
