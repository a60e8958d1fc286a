/**
 * Annual rotas (årsturnus): vacation placement keeps each week's capacity, and the engine
 * meets the minimum staffing with everyone's hours close to their position over the year —
 * guarded with an iteration budget, not a clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanSchema } from '../core/model/plan.js';
import { buildContext } from '../core/eval/context.js';
import { buildLine } from '../core/eval/line.js';
import { requiredHours } from '../core/rules/weeklyNorm.js';
import { rowsFromAssignments } from '../core/eval/checker.js';
import { generateDemo } from '../demo/index.js';
import { placeVacations } from './vacations.js';
import { generateRota } from './generate.js';
import { holidayOn } from '../core/calendar/holidays.js';

const ward = generateDemo({ weeks: 52, start: '2027-01-04' }).units.find((u) => u.kind === 'sykehjem')!.plan;
const annualWard = PlanSchema.parse({ ...ward, planningForm: 'annual', absences: ward.absences.filter((a) => a.kind !== 'vacation') });

/** Share of the unit's FTE (and of the nurses' FTE) away per calendar week. */
function awayPerWeek(plan: typeof annualWard, competence: string | null) {
  const ctx = buildContext(plan);
  const who = ctx.employees.filter((e) => competence === null || e.competences.includes(competence));
  const total = who.reduce((a, e) => a + e.p, 0);
  const weeks: Array<{ monday: string; share: number }> = [];
  for (let w = 0; w * 7 + 6 < ctx.D; w++) {
    let away = 0;
    for (let d = w * 7; d < w * 7 + 7; d++) for (const e of who) if (ctx.absence[e.idx][d] !== 0) away += e.p / 7;
    weeks.push({ monday: ctx.days[w * 7].date, share: away / total });
  }
  return weeks;
}

test('vacations: each week keeps its capacity — summer weeks level, none in holiday weeks, nurses spread too', () => {
  const { plan, placed } = placeVacations(annualWard);
  assert.equal(placed, annualWard.employees.length);
  const all = awayPerWeek(plan, null);
  const summer = all.filter((w) => w.monday >= '2027-06-07' && w.monday <= '2027-09-20');
  const mean = summer.reduce((a, w) => a + w.share, 0) / summer.length;
  // The main vacations (3 weeks each between June and September) are spread: no summer week
  // has more than a quarter above the summer's average share away (the old placement by head
  // count put 5–6 people, up to 1.4 × the average FTE, away in the same weeks).
  for (const w of summer) assert.ok(w.share <= mean * 1.25, `${w.monday}: ${(w.share * 100).toFixed(1)} % away, summer mean ${(mean * 100).toFixed(1)} %`);
  const nurses = awayPerWeek(plan, 'sykepleier').filter((w) => w.monday >= '2027-06-07' && w.monday <= '2027-09-20');
  const nurseMean = nurses.reduce((a, w) => a + w.share, 0) / nurses.length;
  for (const w of nurses) assert.ok(w.share <= nurseMean * 1.6, `${w.monday}: ${(w.share * 100).toFixed(1)} % of the nurses away, mean ${(nurseMean * 100).toFixed(1)} %`);
  // Outside the summer, no placed vacation week holds a public holiday (Easter, Christmas …).
  const byEmp = new Set(annualWard.absences.map((a) => `${a.employee}|${a.from}`));
  for (const a of plan.absences.filter((x) => x.kind === 'vacation' && !byEmp.has(`${x.employee}|${x.from}`))) {
    if (a.from >= '2027-06-01' && a.from <= '2027-09-30') continue;
    const days = Array.from({ length: 7 }, (_, i) => new Date(Date.parse(a.from) + i * 864e5).toISOString().slice(0, 10));
    assert.ok(!days.some((d) => holidayOn(d) !== undefined), `${a.employee} ${a.from}`);
  }
  // Non-summer weeks outside the holiday weeks are level within a few persons' share.
  const other = all.filter((w) => (w.monday < '2027-05-31' || w.monday > '2027-09-27') && w.share > 0);
  const max = Math.max(...other.map((w) => w.share));
  assert.ok(max < 0.15, `at most 15 % of the FTE away in a week outside the summer (was ${(max * 100).toFixed(1)} %)`);
});

test('an annual rota meets the minimum staffing and keeps everyone near their position (iteration budget)', () => {
  // A small unit over a year: day and evening shifts every day; the targets above the minimum
  // hold more hours than the positions, so each position can be filled exactly.
  const plan = PlanSchema.parse({
    unit: 'Årsturnus liten',
    planningForm: 'annual',
    start: '2027-01-04',
    end: '2028-01-02',
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'K', start: '14:30', end: '22:00' },
    ],
    employees: Array.from({ length: 7 }, (_, i) => ({ id: `e${i + 1}`, name: `Ansatt ${i + 1}`, competence: i < 3 ? 'sykepleier' : 'helsefagarbeider', positionPercent: [100, 80, 60, 100, 80, 60, 50][i] })),
    demand: [
      { shift: 'D', min: 1, target: 2 },
      { shift: 'D', min: 1, competence: 'sykepleier', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
      { shift: 'K', min: 1, target: 2 },
    ],
  });
  const r = generateRota(plan, { seconds: 600, seed: 1, maxIterations: 1500 });
  assert.ok(r.placedVacations === 7);
  assert.equal(r.check.violations.filter((v) => v.severity === 'hard').length, 0, JSON.stringify(r.check.violations.filter((v) => v.severity === 'hard').slice(0, 3).map((v) => v.message)));
  assert.equal(r.shortfall.feasible, true);
  const ctx = buildContext(r.plan);
  const rows = rowsFromAssignments(ctx, r.plan);
  const devs = ctx.employees.map((e) => {
    const q = requiredHours(ctx, buildLine(ctx, e.idx, rows[e.idx]));
    return q.planned - q.required;
  });
  // Within half an hour a week of the position over the year for everyone (TAR-04 allows 0.25 h).
  for (const [i, dev] of devs.entries()) assert.ok(Math.abs(dev) <= 26, `${ctx.employees[i].id}: ${dev.toFixed(1)} h from the position (all: ${devs.map((x) => x.toFixed(0)).join(" ")}; ${JSON.stringify(r.score)})`);
});
