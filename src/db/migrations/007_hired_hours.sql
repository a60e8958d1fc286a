-- Bemanna: hired hours (issue #6, full-time culture). Hours bought beyond the positions, per unit
-- and day: agency staff (innleie, no employee of ours), extra shifts (ekstravakter) and overtime
-- (overtid) by our own staff. Registered by hand, imported from a file, or recorded when a cover
-- is confirmed on the day of absence. No cause, no health information.

create table hired_hours (
  id           bigint generated always as identity primary key,
  unit_id      text not null references units (id) on delete cascade,
  work_date    date not null,
  kind         text not null check (kind in ('agency', 'extra', 'overtime')),
  -- A line may be one shift or a sum for the day (an agency invoice line): at most 31 × 24 h.
  hours        numeric(6, 2) not null check (hours > 0 and hours <= 744),
  -- Our own employee who worked the extra shift or the overtime (agency staff are not employees).
  employee_id  text references employees (id) on delete set null,
  shift_code   text check (length(shift_code) between 1 and 8),
  source       text not null default 'manual' check (source in ('manual', 'import', 'cover')),
  note         text check (length(note) <= 500),
  -- The plan of the cover that recorded it (source 'cover').
  plan_id      text references plans (id) on delete set null,
  created_by   text references users (id) on delete set null,
  created_at   timestamptz not null default now(),
  check (kind <> 'agency' or employee_id is null)
);
create index hired_hours_unit_idx on hired_hours (unit_id, work_date);
