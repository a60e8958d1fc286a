/**
 * Synthetic units for backtests: the demo generator's absence history (one or more seeds, unit
 * ids prefixed by the seed) with the exposure from the staff's employment dates, and the TRUE
 * expected number absent from the generator's own model (`absenceTruth`).
 */
import { absenceTruth, generateDemo, resolveOptions } from '../demo/index.js';
import { fromEpochDay, toEpochDay, type LocalDate } from '../core/time/localDate.js';
import { prepareHistory, type AbsenceSpell, type PreparedHistory } from './history.js';

export interface SyntheticUnits {
  history: PreparedHistory;
  spells: AbsenceSpell[];
  /** True expected number of the unit's employees absent (sickness) on an epoch day. */
  truth: (unit: string, day: number) => number;
  /** Persons employed per unit on an epoch day. */
  employed: (unit: string, day: number) => number;
  start: LocalDate;
  end: LocalDate;
}

export function syntheticUnits(seeds: readonly number[], historyYears: number, start: LocalDate = '2027-01-04'): SyntheticUnits {
  const spells: AbsenceSpell[] = [];
  const hired = new Map<string, number[]>();
  const truthFor = new Map<string, { seed: number; unit: string }>();
  let historyStart = '';
  for (const seed of seeds) {
    const opts = { seed, historyYears, start };
    const ds = generateDemo(opts);
    historyStart = resolveOptions(opts).historyStart;
    for (const u of ds.units) {
      const id = seeds.length > 1 ? `s${seed}/${u.id}` : u.id;
      hired.set(
        id,
        (u.staffProfiles ?? []).map((p) => toEpochDay(p.employedFrom)),
      );
      truthFor.set(id, { seed, unit: u.id });
    }
    for (const r of ds.absenceHistory) spells.push({ employee: `${seed}:${r.employee}`, unit: seeds.length > 1 ? `s${seed}/${r.unit}` : r.unit, from: r.from, to: r.to, type: r.kind });
  }
  // Cumulative headcount by day from the first hire (no one leaves in the demo).
  const counts = new Map<string, { first: number; cum: Int32Array }>();
  for (const [unit, days] of hired) {
    const first = Math.min(...days);
    const cum = new Int32Array(toEpochDay(start) + 3 * 366 - first);
    for (const d of days) cum[d - first]++;
    for (let i = 1; i < cum.length; i++) cum[i] += cum[i - 1];
    counts.set(unit, { first, cum });
  }
  const employed = (unit: string, day: number) => {
    const c = counts.get(unit);
    if (!c || day < c.first) return 0;
    return c.cum[Math.min(day - c.first, c.cum.length - 1)];
  };
  const end = fromEpochDay(toEpochDay(start) - 1);
  const history = prepareHistory({ spells, start: historyStart, end, employed, units: [...hired.keys()].sort() });
  const truth = (unit: string, day: number) => {
    const t = truthFor.get(unit);
    if (!t) throw new RangeError(`unknown synthetic unit ${unit}`);
    return absenceTruth({ seed: t.seed, historyYears, start }).expectedAbsent(t.unit, fromEpochDay(day), 'sickness');
  };
  return { history, spells, truth, employed, start: historyStart, end };
}
