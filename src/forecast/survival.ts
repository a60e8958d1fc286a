/**
 * Spell-duration survival (Kaplan–Meier, in whole calendar days) and the projection of ongoing
 * spells. A spell of length L covers its first day and the L − 1 days after it; with
 * h(n) = P(L = n | L ≥ n) the discrete hazard, S(n) = P(L ≥ n) = Π_{j<n} (1 − h(j)).
 * A spell already running for a days (absent on its a-th day) is still running on its m-th day
 * with probability S(m)/S(a) = Π_{j=a}^{m−1} (1 − h(j)).
 */

export interface Duration {
  /** Observed length in days (≥ 1): the full length, or the days seen so far when censored. */
  days: number;
  /** Still running when observation stopped. */
  censored: boolean;
}

export interface SurvivalCurve {
  /** h[n] for n = 1 … hazard.length − 1 (h[0] unused); beyond the end the last value holds. */
  hazard: Float64Array;
  /** Spells the curve was estimated from. */
  spells: number;
}

/**
 * Kaplan–Meier hazards. From the first duration where fewer than `minAtRisk` spells are still at
 * risk, the hazard is constant: the pooled rate (events / spell-days at risk) of the durations
 * just before, reaching back until at least 10 events are included. Sparse or fully censored
 * tails thus continue the last well-estimated hazard instead of dropping to 0.
 */
export function kaplanMeier(durations: readonly Duration[], maxDays = 400, minAtRisk = 5): SurvivalCurve {
  const hazard = new Float64Array(maxDays + 1);
  if (durations.length === 0) {
    hazard.fill(0.3);
    return { hazard, spells: 0 };
  }
  const events = new Float64Array(maxDays + 2);
  const leaving = new Float64Array(maxDays + 2); // spells whose observation ends at n
  for (const d of durations) {
    const n = Math.min(Math.max(1, Math.round(d.days)), maxDays + 1);
    leaving[n]++;
    if (!d.censored && d.days <= maxDays) events[n]++;
  }
  const atRiskAt = new Float64Array(maxDays + 2);
  let atRisk = durations.length;
  for (let n = 1; n <= maxDays + 1; n++) {
    atRiskAt[n] = atRisk;
    atRisk -= leaving[n];
  }
  let tailStart = maxDays + 1;
  for (let n = 1; n <= maxDays; n++) {
    if (atRiskAt[n] < minAtRisk) {
      tailStart = n;
      break;
    }
    hazard[n] = events[n] / atRiskAt[n];
  }
  if (tailStart <= maxDays) {
    let ev = 0;
    let risk = 0;
    for (let n = tailStart; n <= maxDays; n++) {
      ev += events[n];
      risk += atRiskAt[n];
    }
    for (let n = tailStart - 1; n >= 1 && ev < 10; n--) {
      ev += events[n];
      risk += atRiskAt[n];
    }
    const rate = ev > 0 && risk > 0 ? Math.min(1, ev / risk) : 1 / 365;
    for (let n = tailStart; n <= maxDays; n++) hazard[n] = Math.max(rate, 1 / 365);
  }
  return { hazard, spells: durations.length };
}

function h(curve: SurvivalCurve, n: number): number {
  const H = curve.hazard;
  return n < H.length ? H[n] : H[H.length - 1];
}

/** S(n) = P(L ≥ n). */
export function survival(curve: SurvivalCurve, n: number): number {
  let s = 1;
  for (let j = 1; j < n; j++) {
    s *= 1 - h(curve, j);
    if (s <= 0) return 0;
  }
  return s;
}

/** S(1), S(2), …, S(len) as an array indexed by n (index 0 unused, = 1). */
export function survivalTable(curve: SurvivalCurve, len: number): Float64Array {
  const out = new Float64Array(len + 1);
  out[0] = 1;
  let s = 1;
  for (let n = 1; n <= len; n++) {
    out[n] = s;
    s *= 1 - h(curve, n);
  }
  return out;
}

/**
 * P(still absent on each of the next `days` days) for a spell that has lasted `elapsed` days
 * up to and including yesterday: element k is for the day `elapsed + 1 + k` of the spell.
 */
export function projectOngoing(curve: SurvivalCurve, elapsed: number, days: number): Float64Array {
  const out = new Float64Array(days);
  let p = 1;
  for (let k = 0; k < days; k++) {
    p *= 1 - h(curve, elapsed + k);
    out[k] = p;
  }
  return out;
}
