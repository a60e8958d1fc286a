/**
 * The TRUE generative model of the demo absence history. The forecasting work backtests
 * against it, so every parameter is exported and the hazard is a pure function.
 *
 * Model (calendar days; an absence spell covers whole calendar days `from`..`to`):
 *  - Each employee is, on each day, either absent (inside a spell) or present.
 *  - A present employee starts a new spell of kind k on day d with probability
 *        h_k(p, d) = base_k · unit_k(p) · competence_k(p) · age_k(p, d) · frailty_k(p) · parent_k(p)
 *                    · weekday_k(d) · month_k(d) · wave_k(d)
 *    (at most one start per day; the kinds partition one uniform draw).
 *  - The spell's length is drawn from the kind's discrete length distribution
 *    (`durationPmf(kind)`); the person is absent every day of it and cannot start a
 *    new spell until it has ended, so spells never overlap.
 *  - The process starts, with the person present, at `max(historyStart − BURN_IN_DAYS,
 *    employedFrom)`; days before that are unobserved.
 * The expected absence (P(absent on d)) follows exactly by forward recursion of that
 * Markov chain: see `truth.ts`.
 */
import { fromEpochDay, weekdayOfEpochDay, toEpochDay } from '../core/time/localDate.js';
import type { HistoryAbsenceKind, UnitKind } from './types.js';
import type { Rng } from './random.js';

export const HISTORY_KINDS = ['self_certified', 'sick_child', 'doctor_certified', 'leave'] as const satisfies readonly HistoryAbsenceKind[];
/** The kinds that count as sickness absence (sykefravær). `leave` (permisjon) does not. */
export const SICKNESS_HISTORY_KINDS = ['self_certified', 'sick_child', 'doctor_certified'] as const satisfies readonly HistoryAbsenceKind[];

export type Competence = 'sykepleier' | 'vernepleier' | 'helsefagarbeider' | 'assistent';

/** Days of the process before the history window, so that the window starts in the steady state. */
export const BURN_IN_DAYS = 365;

/** The parameters of the demo absence process (see the module comment for the formula). */
export const ABSENCE_PARAMETERS = {
  /**
   * Design long-run share of calendar days absent, per kind, for an average person (before
   * the unit and competence factors). Norwegian municipal health and care: total sickness
   * absence 8–10 %, of which self-certified ≈ 1.5–2 % (SSB/KS). The base hazards are
   * derived from these (`BASE_HAZARD`); realised rates differ somewhat (frailty, waves).
   */
  designPrevalence: { self_certified: 0.015, sick_child: 0.003, doctor_certified: 0.066, leave: 0.0012 },
  /** Spell length distributions (calendar days). */
  duration: {
    /** 1–3 days typical, at most 8 (the municipalities' extended 8-day self-certification, IA). */
    self_certified: { 1: 0.4, 2: 0.28, 3: 0.2, 4: 0.06, 5: 0.03, 6: 0.015, 7: 0.01, 8: 0.005 },
    sick_child: { 1: 0.6, 2: 0.3, 3: 0.1 },
    /** Mixture of two log-normals, discretised and truncated to 4..364 days (sick pay ends at 52 weeks). */
    doctor_certified: {
      min: 4,
      max: 364,
      components: [
        { weight: 0.7, median: 9, sigma: 0.55 },
        { weight: 0.3, median: 50, sigma: 0.9 },
      ],
    },
    leave: { 1: 0.55, 2: 0.25, 3: 0.12, 5: 0.08 },
  },
  /** Multipliers on spell starts by ISO weekday, Monday first (mean 1). */
  weekday: {
    self_certified: [1.45, 1.1, 1.0, 0.95, 0.8, 0.8, 0.9],
    sick_child: [1.4, 1.1, 1.0, 1.0, 0.95, 0.7, 0.85],
    doctor_certified: [1.6, 1.2, 1.05, 1.0, 0.9, 0.55, 0.7],
    leave: [1.0, 0.9, 0.9, 0.9, 1.4, 1.0, 0.9],
  },
  /** Multipliers on spell starts by calendar month, January first (mean 1): winter high, July low. */
  month: {
    self_certified: [1.3, 1.4, 1.2, 1.0, 0.9, 0.85, 0.5, 0.8, 0.95, 1.05, 1.0, 1.05],
    sick_child: [1.35, 1.4, 1.2, 1.0, 0.9, 0.8, 0.4, 0.7, 1.05, 1.1, 1.05, 1.05],
    doctor_certified: [1.3, 1.3, 1.15, 1.0, 0.9, 0.75, 0.55, 0.85, 1.0, 1.05, 1.1, 1.05],
    leave: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  },
  /**
   * One influenza/norovirus wave per winter: wave_k(d) = 1 + scale_k · A · exp(−½((d − peak)/width)²),
   * with A ~ Gamma(shape, scale) (mean 0.6), peak uniform from 15 Dec to 15 Mar, width uniform
   * 8–18 days. Drawn per season from the seed (`fluWave(season)`).
   */
  fluWave: {
    amplitudeShape: 2,
    amplitudeScale: 0.3,
    peakFromDay: -17, // days from 1 January of the season year
    peakToDay: 73,
    widthMin: 8,
    widthMax: 18,
    scale: { self_certified: 1, sick_child: 0.8, doctor_certified: 0.5, leave: 0 },
  },
  /** Per-person frailty, Gamma(shape, 1/shape) with mean 1: a few people carry much of the absence. */
  frailty: { shortShape: 1.2, longShape: 0.6 },
  /** Multipliers for the sickness kinds by unit type. */
  unit: { sykehjem: 1.12, hjemmetjeneste: 1.03, bofellesskap: 1.0, 'psykisk-helse': 0.95 } satisfies Record<UnitKind, number>,
  /** Multipliers for the sickness kinds by main competence. */
  competence: { sykepleier: 0.9, vernepleier: 0.85, helsefagarbeider: 1.15, assistent: 1.05 } satisfies Record<Competence, number>,
  /**
   * Age gradient, linear in t = clamp((age − 20)/45, 0, 1): self-certified falls from 1.3 to 0.7,
   * doctor-certified rises from 0.7 to 1.3.
   */
  age: { self_certified: [1.3, 0.7], doctor_certified: [0.7, 1.3] },
  /**
   * Sick-child days only for parents of children under 12; probability of being one by age at
   * the plan start; parents get the population hazard divided by `assumedParentShare`.
   */
  parent: {
    byAge: [
      [25, 0.1],
      [30, 0.35],
      [40, 0.65],
      [45, 0.5],
      [50, 0.25],
      [200, 0.03],
    ] as ReadonlyArray<readonly [number, number]>,
    assumedParentShare: 0.3,
  },
} as const;

export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const KIND_COUNT = HISTORY_KINDS.length;

// ---- duration distributions -------------------------------------------------------------

function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): plenty for a demo distribution.
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}
const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

export interface DurationDistribution {
  /** pmf[n] = P(length = n days); pmf[0] = 0. */
  pmf: Float64Array;
  /** cdf over the same indices (for sampling). */
  cdf: Float64Array;
  maxDays: number;
  mean: number;
}

function fromTable(table: Readonly<Record<number, number>>): DurationDistribution {
  const max = Math.max(...Object.keys(table).map(Number));
  const pmf = new Float64Array(max + 1);
  for (const [k, v] of Object.entries(table)) pmf[Number(k)] = v;
  return finish(pmf);
}

function finish(pmf: Float64Array): DurationDistribution {
  let total = 0;
  for (let i = 0; i < pmf.length; i++) total += pmf[i];
  const cdf = new Float64Array(pmf.length);
  let acc = 0;
  let mean = 0;
  for (let i = 0; i < pmf.length; i++) {
    pmf[i] /= total;
    acc += pmf[i];
    cdf[i] = acc;
    mean += i * pmf[i];
  }
  cdf[pmf.length - 1] = 1;
  return { pmf, cdf, maxDays: pmf.length - 1, mean };
}

function doctorCertified(): DurationDistribution {
  const p = ABSENCE_PARAMETERS.duration.doctor_certified;
  const pmf = new Float64Array(p.max + 1);
  for (let n = p.min; n <= p.max; n++) {
    let v = 0;
    for (const c of p.components) {
      const mu = Math.log(c.median);
      v += c.weight * (normalCdf((Math.log(n + 0.5) - mu) / c.sigma) - normalCdf((Math.log(n - 0.5) - mu) / c.sigma));
    }
    pmf[n] = v;
  }
  return finish(pmf);
}

const DURATIONS: Record<HistoryKind, DurationDistribution> = {
  self_certified: fromTable(ABSENCE_PARAMETERS.duration.self_certified),
  sick_child: fromTable(ABSENCE_PARAMETERS.duration.sick_child),
  doctor_certified: doctorCertified(),
  leave: fromTable(ABSENCE_PARAMETERS.duration.leave),
};

/** The exact spell-length distribution of a kind (calendar days). */
export function durationDistribution(kind: HistoryKind): DurationDistribution {
  return DURATIONS[kind];
}

const TOTAL_SICK_DESIGN =
  ABSENCE_PARAMETERS.designPrevalence.self_certified +
  ABSENCE_PARAMETERS.designPrevalence.sick_child +
  ABSENCE_PARAMETERS.designPrevalence.doctor_certified;

/**
 * Base daily hazard per kind: design prevalence / (share of days present × mean length),
 * the steady state of a renewal process.
 */
export const BASE_HAZARD: Readonly<Record<HistoryKind, number>> = Object.fromEntries(
  HISTORY_KINDS.map((k) => [k, ABSENCE_PARAMETERS.designPrevalence[k] / ((1 - TOTAL_SICK_DESIGN) * DURATIONS[k].mean)]),
) as Record<HistoryKind, number>;

// ---- persons -----------------------------------------------------------------------------

/** What the model knows about a person: fixed traits and the latent frailties. */
export interface PersonRisk {
  employee: string;
  unit: string;
  unitKind: UnitKind;
  competence: Competence;
  birthEpochDay: number;
  /** Has children under 12 (sick-child days possible). */
  parent: boolean;
  frailtyShort: number;
  frailtyLong: number;
  /** First day of employment (epoch day); no absence before it. */
  employedFromEpochDay: number;
}

export function parentProbability(age: number): number {
  for (const [upTo, p] of ABSENCE_PARAMETERS.parent.byAge) if (age < upTo) return p;
  return 0;
}

/** Draws the latent traits (parent, frailties) of a person from its own stream. */
export function drawRisk(rng: Rng, ageAtStart: number): { parent: boolean; frailtyShort: number; frailtyLong: number } {
  const f = ABSENCE_PARAMETERS.frailty;
  const parent = rng.chance(parentProbability(ageAtStart));
  const frailtyShort = rng.gamma(f.shortShape, 1 / f.shortShape);
  const frailtyLong = rng.gamma(f.longShape, 1 / f.longShape);
  return { parent, frailtyShort, frailtyLong };
}

/** The time-invariant factor of h_k(p, ·) for each kind (everything but age and calendar). */
export function personFactors(p: PersonRisk): Float64Array {
  const P = ABSENCE_PARAMETERS;
  const sick = P.unit[p.unitKind] * P.competence[p.competence];
  const out = new Float64Array(KIND_COUNT);
  out[0] = BASE_HAZARD.self_certified * sick * p.frailtyShort;
  out[1] = p.parent ? (BASE_HAZARD.sick_child * sick * p.frailtyShort) / P.parent.assumedParentShare : 0;
  out[2] = BASE_HAZARD.doctor_certified * sick * p.frailtyLong;
  out[3] = BASE_HAZARD.leave;
  return out;
}

/** Age multipliers for each kind on an epoch day. */
export function ageFactors(p: PersonRisk, epochDay: number, out = new Float64Array(KIND_COUNT)): Float64Array {
  const age = (epochDay - p.birthEpochDay) / 365.25;
  const t = Math.min(1, Math.max(0, (age - 20) / 45));
  const a = ABSENCE_PARAMETERS.age;
  out[0] = a.self_certified[0] + (a.self_certified[1] - a.self_certified[0]) * t;
  out[1] = 1;
  out[2] = a.doctor_certified[0] + (a.doctor_certified[1] - a.doctor_certified[0]) * t;
  out[3] = 1;
  return out;
}

// ---- calendar ----------------------------------------------------------------------------

export interface FluWave {
  season: number;
  amplitude: number;
  /** Epoch day of the peak. */
  peak: number;
  width: number;
}

/**
 * The calendar part of the hazard (weekday × month × winter wave) per kind and day. The
 * waves come from the dataset seed, one per season (the winter that ends in `season`).
 */
export class AbsenceCalendar {
  private readonly waves = new Map<number, FluWave>();
  private readonly cache = new Map<number, Float64Array>();

  constructor(private readonly rng: Rng) {}

  fluWave(season: number): FluWave {
    let w = this.waves.get(season);
    if (!w) {
      const r = this.rng.fork(`flu:${season}`);
      const f = ABSENCE_PARAMETERS.fluWave;
      const jan1 = toEpochDay(`${String(season).padStart(4, '0')}-01-01`);
      w = {
        season,
        amplitude: r.gamma(f.amplitudeShape, f.amplitudeScale),
        peak: jan1 + f.peakFromDay + Math.floor(r.next() * (f.peakToDay - f.peakFromDay + 1)),
        width: f.widthMin + r.next() * (f.widthMax - f.widthMin),
      };
      this.waves.set(season, w);
    }
    return w;
  }

  /** Wave intensity A · exp(−½((d − peak)/width)²) summed over the neighbouring seasons. */
  waveIntensity(epochDay: number): number {
    const year = Number(fromEpochDay(epochDay).slice(0, 4));
    let v = 0;
    for (const s of [year, year + 1]) {
      const w = this.fluWave(s);
      const z = (epochDay - w.peak) / w.width;
      if (Math.abs(z) < 8) v += w.amplitude * Math.exp(-0.5 * z * z);
    }
    return v;
  }

  /** factors[k] = weekday_k · month_k · wave_k on the day. */
  factors(epochDay: number): Float64Array {
    let f = this.cache.get(epochDay);
    if (!f) {
      const P = ABSENCE_PARAMETERS;
      const wd = weekdayOfEpochDay(epochDay);
      const month = Number(fromEpochDay(epochDay).slice(5, 7)) - 1;
      const wave = this.waveIntensity(epochDay);
      f = new Float64Array(KIND_COUNT);
      HISTORY_KINDS.forEach((k, i) => {
        f![i] = P.weekday[k][wd] * P.month[k][month] * (1 + P.fluWave.scale[k] * wave);
      });
      this.cache.set(epochDay, f);
    }
    return f;
  }
}

/** h_k(p, d) for every kind: the probability that a present person starts a spell on the day. */
export function onsetHazards(p: PersonRisk, pf: Float64Array, cal: AbsenceCalendar, epochDay: number, out = new Float64Array(KIND_COUNT)): Float64Array {
  if (epochDay < p.employedFromEpochDay) {
    out.fill(0);
    return out;
  }
  ageFactors(p, epochDay, out);
  const c = cal.factors(epochDay);
  for (let k = 0; k < KIND_COUNT; k++) out[k] = Math.min(0.2, out[k] * pf[k] * c[k]);
  return out;
}

export interface Spell {
  kind: HistoryKind;
  /** Epoch days, inclusive. */
  from: number;
  to: number;
}

/**
 * Simulates one person's spells starting in [fromDay, toDay] (epoch days). A spell that starts
 * inside the range keeps its full length, so it may end after `toDay`.
 */
export function simulatePerson(p: PersonRisk, cal: AbsenceCalendar, rng: Rng, fromDay: number, toDay: number): Spell[] {
  const pf = personFactors(p);
  const h = new Float64Array(KIND_COUNT);
  const spells: Spell[] = [];
  let busyUntil = -Infinity;
  for (let d = Math.max(fromDay, p.employedFromEpochDay); d <= toDay; d++) {
    if (d <= busyUntil) continue;
    onsetHazards(p, pf, cal, d, h);
    let u = rng.next();
    for (let k = 0; k < KIND_COUNT; k++) {
      if (u < h[k]) {
        const len = rng.fromCdf(DURATIONS[HISTORY_KINDS[k]].cdf);
        spells.push({ kind: HISTORY_KINDS[k], from: d, to: d + len - 1 });
        busyUntil = d + len - 1;
        break;
      }
      u -= h[k];
    }
  }
  return spells;
}
