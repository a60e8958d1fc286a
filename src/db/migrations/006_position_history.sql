-- Bemanna: position history (issue #6, benefit tracking). Every change of an employee's
-- position percentage or home unit is kept with the day it took effect, so that average
-- position size and full-time share can be shown as of any date and compared with a baseline.

create table employee_positions (
  id                bigint generated always as identity primary key,
  employee_id       text not null references employees (id) on delete cascade,
  unit_id           text not null,
  position_percent  numeric(5, 2) not null check (position_percent > 0 and position_percent <= 100),
  valid_from        date not null,
  recorded_at       timestamptz not null default now()
);
create index employee_positions_employee_idx on employee_positions (employee_id, valid_from, id);

-- The positions held when this migration runs (their earlier history is not known).
insert into employee_positions (employee_id, unit_id, position_percent, valid_from)
  select id, unit_id, position_percent, created_at::date from employees;

create function record_employee_position() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.position_percent is distinct from old.position_percent or new.unit_id is distinct from old.unit_id then
    insert into employee_positions (employee_id, unit_id, position_percent, valid_from)
      values (new.id, new.unit_id, new.position_percent, current_date);
  end if;
  return new;
end;
$$;

create trigger employees_position_history after insert or update on employees
  for each row execute function record_employee_position();
