/**
 * The TRUE expected absence of the demo data, for backtesting forecasts against what the
 * generator actually did. For each person the absence process of `absenceModel.ts` is a
 * Markov chain (present, or inside a spell of kind k with m days left); propagating its
 * distribution forward day by day from the same starting day the generator uses gives the
 * exact marginal probabilities — not conditioned on the realised history. Works for any
 * date from the start of the burn-in, including the plan period and beyond (the forecast
 * horizon), where the generator has drawn nothing.
 */
import { fromEpochDay, toEpochDay, type LocalDate } from '../core/time/localDate.js';
import {
  BURN_IN_DAYS,
  HISTORY_KINDS,
  KIND_COUNT,
  durationDistribution,
  onsetHazards,
  personFactors,
  type AbsenceCalendar,
  type HistoryKind,
  type PersonRisk,
} from './absenceModel.js';
import { buildWorld, resolveOptions, type DemoWorld, type ResolvedDemoOptions } from './generate.js';
import type { DemoOptions } from './types.js';

/** A kind, or `sickness` (self-certified + sick child + doctor-certified), or `any` (also leave). */
export type TruthKind = HistoryKind | 'sickness' | 'any';

const RING = 400; // > the longest spell (364 days)
const DURATIONS = HISTORY_KINDS.map((k) => {
  const dist = durationDistribution(k);
  let minDays = 1;
  while (dist.pmf[minDays] === 0) minDays++;
  return { pmf: dist.pmf, minDays };
});

function kindIndices(kind: TruthKind): number[] {
  if (kind === 'any') return [0, 1, 2, 3];
  if (kind === 'sickness') return [0, 1, 2];
  const i = HISTORY_KINDS.indexOf(kind);
  if (i < 0) throw new RangeError(`unknown absence kind ${kind}`);
  return [i];
}

class PersonChain {
  private readonly ring: Float64Array[] = HISTORY_KINDS.map(() => new Float64Array(RING));
  private readonly active = new Float64Array(KIND_COUNT);
  private readonly pf: Float64Array;
  private readonly h = new Float64Array(KIND_COUNT);
  /** absent[k][d − first]: P(absent with kind k on day d). */
  private readonly absent: number[][] = HISTORY_KINDS.map(() => []);
  /** present[d − first]: P(not inside an earlier spell at the start of day d). */
  private readonly present: number[] = [];
  private next: number;

  constructor(
    readonly risk: PersonRisk,
    private readonly cal: AbsenceCalendar,
    readonly first: number,
  ) {
    this.pf = personFactors(risk);
    this.next = first;
  }

  private extendTo(day: number): void {
    while (this.next <= day) {
      const d = this.next;
      let busy = 0;
      for (let k = 0; k < KIND_COUNT; k++) busy += this.active[k];
      const free = Math.max(0, 1 - busy);
      this.present.push(free);
      onsetHazards(this.risk, this.pf, this.cal, d, this.h);
      const idx = ((d % RING) + RING) % RING;
      for (let k = 0; k < KIND_COUNT; k++) {
        const s = free * this.h[k];
        if (s > 0) {
          // Mass of spells started today, by their last day d + len − 1.
          const { pmf, minDays } = DURATIONS[k];
          const ring = this.ring[k];
          // ring[(idx + len − 1) mod RING] += s · pmf[len], in two straight runs.
          const split = Math.min(pmf.length, RING - idx + 1);
          for (let len = minDays; len < split; len++) ring[idx + len - 1] += s * pmf[len];
          for (let len = Math.max(minDays, split); len < pmf.length; len++) ring[idx + len - 1 - RING] += s * pmf[len];
          this.active[k] += s;
        }
        this.absent[k].push(this.active[k]);
      }
      for (let k = 0; k < KIND_COUNT; k++) {
        this.active[k] = Math.max(0, this.active[k] - this.ring[k][idx]);
        this.ring[k][idx] = 0;
      }
      this.next++;
    }
  }

  absentProbability(day: number, kinds: number[]): number {
    if (day < this.first) return 0;
    this.extendTo(day);
    let p = 0;
    for (const k of kinds) p += this.absent[k][day - this.first];
    return p;
  }

  presentProbability(day: number): number {
    if (day < this.first) return 0;
    this.extendTo(day);
    return this.present[day - this.first];
  }

  hazards(day: number): Float64Array {
    return onsetHazards(this.risk, this.pf, this.cal, day, new Float64Array(KIND_COUNT));
  }
}

export interface AbsenceTruth {
  readonly options: ResolvedDemoOptions;
  /** Earliest date the model covers (start of the burn-in before the history window). */
  readonly firstDate: LocalDate;
  /** Employee ids, of one unit or of all. */
  employees(unitId?: string): string[];
  /** The person's fixed traits and latent frailties (what the generator drew). */
  person(employeeId: string): Readonly<PersonRisk>;
  /** P(a new spell of `kind` starts on `date` | the person is present that morning): the hazard h_k. */
  onsetProbability(employeeId: string, date: LocalDate, kind: HistoryKind): number;
  /** Unconditional P(the person is absent on `date`) for a kind or group of kinds. */
  absenceProbability(employeeId: string, date: LocalDate, kind?: TruthKind): number;
  /** Expected number of new spells starting on `date` in the unit (sum over staff of P(present) · h). */
  expectedNewSpells(unitId: string, date: LocalDate, kind?: TruthKind): number;
  /** Expected number of the unit's employees absent on `date`. */
  expectedAbsent(unitId: string, date: LocalDate, kind?: TruthKind): number;
  /** Expected share absent among the unit's employees employed on `date` (0 when none). */
  unitAbsenceRate(unitId: string, date: LocalDate, kind?: TruthKind): number;
}

function makeTruth(world: DemoWorld): AbsenceTruth {
  const o = world.options;
  const burnIn = toEpochDay(o.historyStart) - BURN_IN_DAYS;
  const chains = new Map<string, PersonChain>();
  const byUnit = new Map<string, string[]>();
  for (const u of world.units) {
    byUnit.set(u.template.id, u.staff.map((m) => m.employee.id));
    for (const m of u.staff) chains.set(m.employee.id, new PersonChain(m.risk, world.calendar, Math.max(burnIn, m.risk.employedFromEpochDay)));
  }
  const chain = (id: string) => {
    const c = chains.get(id);
    if (!c) throw new RangeError(`unknown demo employee ${id}`);
    return c;
  };
  const staffOf = (unitId: string) => {
    const ids = byUnit.get(unitId);
    if (!ids) throw new RangeError(`unknown demo unit ${unitId}`);
    return ids;
  };
  const day = (date: LocalDate) => {
    const d = toEpochDay(date);
    if (d < burnIn) throw new RangeError(`the demo absence model starts on ${fromEpochDay(burnIn)}; ${date} is before it`);
    return d;
  };
  return {
    options: o,
    firstDate: fromEpochDay(burnIn),
    employees: (unitId) => (unitId ? [...staffOf(unitId)] : [...chains.keys()]),
    person: (id) => ({ ...chain(id).risk }),
    onsetProbability: (id, date, kind) => chain(id).hazards(day(date))[kindIndices(kind)[0]],
    absenceProbability: (id, date, kind = 'sickness') => chain(id).absentProbability(day(date), kindIndices(kind)),
    expectedNewSpells(unitId, date, kind = 'sickness') {
      const d = day(date);
      const ks = kindIndices(kind);
      let sum = 0;
      for (const id of staffOf(unitId)) {
        const c = chain(id);
        const h = c.hazards(d);
        let hk = 0;
        for (const k of ks) hk += h[k];
        sum += c.presentProbability(d) * hk;
      }
      return sum;
    },
    expectedAbsent(unitId, date, kind = 'sickness') {
      const d = day(date);
      const ks = kindIndices(kind);
      let sum = 0;
      for (const id of staffOf(unitId)) sum += chain(id).absentProbability(d, ks);
      return sum;
    },
    unitAbsenceRate(unitId, date, kind = 'sickness') {
      const d = day(date);
      const ks = kindIndices(kind);
      let sum = 0;
      let n = 0;
      for (const id of staffOf(unitId)) {
        const c = chain(id);
        if (c.risk.employedFromEpochDay > d) continue;
        n++;
        sum += c.absentProbability(d, ks);
      }
      return n ? sum / n : 0;
    },
  };
}

const cache = new Map<string, AbsenceTruth>();

/** The true absence model of the dataset `generateDemo(opts)` (memoised per options). */
export function absenceTruth(opts: DemoOptions = {}): AbsenceTruth {
  const key = JSON.stringify(resolveOptions(opts));
  let t = cache.get(key);
  if (!t) {
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    t = makeTruth(buildWorld(opts));
    cache.set(key, t);
  }
  return t;
}

/**
 * The TRUE expected sickness-absence rate of a demo unit on a date: the expected share of its
 * employees (employed on the date) absent for self-certified, sick-child or doctor-certified
 * sickness. Same `opts` as `generateDemo`.
 */
export function trueAbsenceRate(unitId: string, date: LocalDate, opts: DemoOptions = {}, kind: TruthKind = 'sickness'): number {
  return absenceTruth(opts).unitAbsenceRate(unitId, date, kind);
}
