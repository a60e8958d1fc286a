import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, weekdays, type Row } from './testkit.js';
import { addDays } from '../time/localDate.js';
import { buildContext } from '../eval/context.js';
import { buildLine } from '../eval/line.js';
import { rowsFromAssignments } from '../eval/checker.js';
import { weeklyNorm, requiredHours } from './weeklyNorm.js';
import { tar04Penalty } from './tar04HoursVsPosition.js';

function normOf(p: ReturnType<typeof plan>) {
  const ctx = buildContext(p);
  const rows = rowsFromAssignments(ctx, p);
  return { ctx, line: buildLine(ctx, 0, rows[0]) };
}

test('weekly norm: day work Monday–Friday is 37.5 h; 30 shifts of 8 h = 240 h vs 225 h required', () => {
  const p = plan({ rows: weekdays('e1', '2027-01-04', 6, 'D') });
  const { ctx, line } = normOf(p);
  assert.equal(weeklyNorm(ctx, line).norm, 37.5);
  const v = violationsOf(p, 'TAR-04');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 240);
  assert.equal(v[0].limit, 225);
});

test('weekly norm: working every third Sunday gives 35.5 h', () => {
  const rows: Row[] = [...weekdays('e1', '2027-01-04', 6, 'D'), ['e1', '2027-01-10', 'D'], ['e1', '2027-01-31', 'D']];
  const { ctx, line } = normOf(plan({ rows }));
  const n = weeklyNorm(ctx, line);
  assert.equal(n.sundaysWorked, 2);
  assert.equal(n.sundaysInPeriod, 6);
  assert.equal(n.norm, 35.5);
});

test('weekly norm: 3-split with 8 night h and 4 Sunday h per week gives 34.83 h (RULES § 3.3 worked example)', () => {
  // One night (22–07:30: 8 h in 21–06) every Tuesday, an evening 14–21 (no night hours) every
  // Thursday, and a day shift on Sundays 1, 3, 5 (8 h Sunday-zone time every other week).
  const shiftTypes = [
    { code: 'D', start: '07:00', end: '15:00' },
    { code: 'K', start: '14:00', end: '21:00' },
    { code: 'N', start: '22:00', end: '07:30' },
  ];
  const rows: Row[] = [];
  for (let w = 0; w < 6; w++) {
    rows.push(['e1', addDays('2027-01-05', 7 * w), 'N'], ['e1', addDays('2027-01-07', 7 * w), 'K']);
    if (w % 2 === 0) rows.push(['e1', addDays('2027-01-10', 7 * w), 'D']);
  }
  const { ctx, line } = normOf(plan({ shiftTypes, rows }));
  const n = weeklyNorm(ctx, line);
  assert.equal(n.basis, 'threeSplit');
  assert.equal(n.nightH, 48);
  assert.equal(n.sundayH, 24);
  assert.equal(n.norm, 34.83);
});

test('required hours: weekday holidays and absence are credited (day-worker-equivalent model)', () => {
  // 2 weeks over Easter 2027 at 80 %: 4 weekday holidays? Maundy Thu, Good Fri, Easter Mon = 3.
  const p = plan({
    start: '2027-03-22',
    end: '2027-04-04',
    employees: [{ id: 'e1', name: 'Kari', competence: 'sykepleier', positionPercent: 80 }],
    absences: [{ employee: 'e1', from: '2027-03-22', to: '2027-03-23', kind: 'self_certified' }],
  });
  const { ctx, line } = normOf(p);
  const r = requiredHours(ctx, line);
  const perWeek = 37.5 * 0.8;
  assert.equal(r.gross, perWeek * 2);
  assert.equal(r.absenceCredit, (perWeek / 7) * 2);
  assert.equal(r.redDayCredit, (perWeek / 5) * 3);
});

test('TAR-04 within the tolerance passes', () => {
  // 28 shifts of 8 h = 224 h vs 225 h required, tolerance 1.5 h.
  const rows = weekdays('e1', '2027-01-04', 6, 'D').slice(0, 28);
  assert.equal(violationsOf(plan({ rows }), 'TAR-04').length, 0);
});

test('weekly norm: holidays in the period do not raise the bar – two of six Sundays over Easter qualify for 35.5 h', () => {
  // 22 Mar – 2 May 2027: six Sundays plus Maundy Thursday, Good Friday and Easter Monday.
  const rows: Row[] = [...weekdays('e1', '2027-03-22', 6, 'D'), ['e1', '2027-04-04', 'D'], ['e1', '2027-04-25', 'D']].filter(
    ([, date]) => !['2027-03-25', '2027-03-26', '2027-03-29'].includes(date),
  ) as Row[];
  const { ctx, line } = normOf(plan({ start: '2027-03-22', end: '2027-05-02', rows }));
  const n = weeklyNorm(ctx, line);
  assert.equal(n.sundaysInPeriod, 6);
  assert.equal(n.sundaysWorked, 2);
  assert.equal(n.norm, 35.5);
});

test('TAR-04 penalty grows faster than the deviation, so extra hours are shared out', () => {
  // Two people 60 h over cost less than one 120 h over and one on target (52-week period).
  assert.ok(2 * tar04Penalty(60, 52) < tar04Penalty(120, 52) + tar04Penalty(0, 52));
  // Moving 8 h from someone 360 h over to someone 60 h over lowers the penalty.
  assert.ok(tar04Penalty(352, 52) + tar04Penalty(68, 52) < tar04Penalty(360, 52) + tar04Penalty(60, 52));
  assert.equal(tar04Penalty(0, 6), 10);
  assert.equal(tar04Penalty(5, 6), 60, 'linear for the small deviations of a short plan');
});
