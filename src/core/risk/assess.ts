/**
 * The risk assessment (forsvarlighetsvurdering) of a rota for the union and safety
 * representatives: competence gaps, quick returns, long-shift series, nights in a row, hours
 * against the position, weekend frequency and the local-agreement exceptions used, each with a
 * traffic light, a bokmål and English explanation and its legal sources.
 *
 * Everything is read from one evaluation with the checker's machinery (see evaluation.ts):
 * findings are the checker's raw violations, and the statistics around them (longest series,
 * rests under 11 h, hours) use the same shift instances, lines and helpers the rules use.
 */
import type { Plan } from '../model/plan.js';
import { inPeriod } from '../eval/line.js';
import { RULES_BY_ID } from '../rules/catalogue.js';
import { workedWeekends } from '../rules/loc03WeekendFrequency.js';
import { runsOf } from '../rules/pra03ConsecutiveDays.js';
import { requiredHours } from '../rules/weeklyNorm.js';
import { dateOf, evaluate, round2, type Evaluation } from './evaluation.js';
import { agreementExceptions } from './exceptions.js';
import { bi, count, LEVEL_WORD, n2, ordinalEn, persons, sentences, uniq, worst } from './text.js';
import type {
  AgreementSection,
  CompetenceGap,
  CompetenceSection,
  CompetenceTotals,
  HoursPerson,
  HoursSection,
  LongShiftPerson,
  LongShiftSection,
  NightPerson,
  NightSection,
  QuickReturn,
  QuickReturnPerson,
  QuickReturnSection,
  RiskAssessment,
  RiskLevel,
  RuleCount,
  WeekendPerson,
  WeekendSection,
} from './types.js';

const FORSVARLIGHET = 'AML § 10-2 (forsvarlighet)';
const LONG_MIN = 9 * 60;

type Noun = [string, string];
const be = (n: number) => (n === 1 ? 'is' : 'are');
const VAKT: Noun = ['vakt', 'vakter'];
const SHIFT: Noun = ['shift', 'shifts'];
const HVILE: Noun = ['hviletid', 'hviletider'];
const REST: Noun = ['rest period', 'rest periods'];
const GANG: Noun = ['gang', 'ganger'];
const TIME: Noun = ['time', 'times'];
const LANG: Noun = ['langvakt', 'langvakter'];
const LONG: Noun = ['long shift', 'long shifts'];
const NSERIE: Noun = ['nattserie', 'nattserier'];
const NSERIES: Noun = ['night series', 'night series'];

function competenceSection(ev: Evaluation): CompetenceSection {
  const { ctx } = ev;
  const gaps: CompetenceGap[] = [];
  for (const rule of ['PRA-11', 'PRA-13'] as const)
    for (const v of ev.of(rule)) {
      const detail = String(v.detail);
      const cut = detail.indexOf(':');
      const shift = Number(detail.slice(0, cut));
      const competence = detail.slice(cut + 1) || null;
      const cell = ctx.demand[v.day].find((c) => c.shift === shift && c.competence === competence);
      const min = cell?.min ?? (rule === 'PRA-11' ? v.limit : 0);
      const target = Math.max(cell?.target ?? v.limit, min);
      const actual = v.measured;
      gaps.push({
        date: ctx.days[v.day].date,
        shift: ctx.shiftTypes[shift].code,
        competence,
        actual,
        min,
        target,
        missingMin: Math.max(0, min - actual),
        missingTarget: Math.max(0, target - actual),
        belowMin: rule === 'PRA-11',
        rule,
        severity: ev.severity(rule),
        source: ev.reference(rule),
      });
    }
  const shiftOrder = new Map(ctx.shiftTypes.map((s) => [s.code, s.idx]));
  gaps.sort((a, b) => a.date.localeCompare(b.date) || shiftOrder.get(a.shift)! - shiftOrder.get(b.shift)! || (a.competence ?? '').localeCompare(b.competence ?? ''));

  const byKey = new Map<string, CompetenceTotals>();
  const totals = { cellsBelowMin: 0, missingMin: 0, cellsBelowTarget: 0, missingTarget: 0 };
  for (const g of gaps) {
    const k = g.competence ?? '';
    let t = byKey.get(k);
    if (!t) byKey.set(k, (t = { competence: g.competence, cellsBelowMin: 0, missingMin: 0, cellsBelowTarget: 0, missingTarget: 0 }));
    for (const x of [t, totals]) {
      if (g.belowMin) {
        x.cellsBelowMin++;
        x.missingMin += g.missingMin;
      } else {
        x.cellsBelowTarget++;
        x.missingTarget += g.missingTarget;
      }
    }
  }
  const byCompetence = [...byKey.values()].sort((a, b) => (a.competence === null ? -1 : b.competence === null ? 1 : a.competence.localeCompare(b.competence)));
  const hasDemand = ctx.demand.some((cells) => cells.length > 0);

  let level: RiskLevel = 'green';
  let explanation;
  if (totals.cellsBelowMin > 0) {
    level = 'red';
    const worstComp = byCompetence.filter((c) => c.competence !== null && c.cellsBelowMin > 0).map((c) => c.competence!);
    explanation = sentences([
      bi(
        `${count(totals.cellsBelowMin, VAKT, SHIFT).nb} (dato, vakt og kompetanse) er under minimumsbemanningen – ${persons(totals.missingMin).nb} mangler i alt.`,
        `${count(totals.cellsBelowMin, VAKT, SHIFT).en} (date, shift and competence) ${be(totals.cellsBelowMin)} below the minimum staffing – ${persons(totals.missingMin).en} missing in all.`,
      ),
      worstComp.length > 0 && bi(`Gjelder kompetanse: ${worstComp.join(', ')}.`, `Competence concerned: ${worstComp.join(', ')}.`),
      totals.cellsBelowTarget > 0 && bi(`I tillegg er ${count(totals.cellsBelowTarget, VAKT, SHIFT).nb} under målbemanningen.`, `In addition ${count(totals.cellsBelowTarget, VAKT, SHIFT).en} ${be(totals.cellsBelowTarget)} below the target staffing.`),
      bi('Under minimum kan tjenesten bli uforsvarlig.', 'Below the minimum the service may not be professionally safe.'),
    ]);
  } else if (totals.cellsBelowTarget > 0) {
    level = 'yellow';
    explanation = bi(
      `Minimumsbemanningen er dekket, men ${count(totals.cellsBelowTarget, VAKT, SHIFT).nb} er under målbemanningen (${persons(totals.missingTarget).nb} mangler).`,
      `The minimum staffing is met, but ${count(totals.cellsBelowTarget, VAKT, SHIFT).en} ${be(totals.cellsBelowTarget)} below the target staffing (${persons(totals.missingTarget).en} missing).`,
    );
  } else if (!hasDemand) {
    level = 'yellow';
    explanation = bi(
      'Planen har ingen bemanningsplan, så bemanning og kompetanse per vakt kan ikke vurderes.',
      'The plan has no staffing plan, so staffing and competence per shift cannot be assessed.',
    );
  } else explanation = bi('Minimums- og målbemanningen med riktig kompetanse er dekket på alle vakter.', 'Minimum and target staffing with the right competence are met on every shift.');

  return {
    id: 'competence',
    level,
    title: bi('Bemanning og kompetanse per vakt', 'Staffing and competence per shift'),
    explanation,
    sources: uniq([ev.reference('PRA-11'), ev.reference('PRA-13')]),
    hasDemand,
    gaps,
    byCompetence,
    totals,
  };
}

function quickReturnSection(ev: Evaluation): QuickReturnSection {
  const { ctx } = ev;
  const minRest = ctx.rules.dailyRest.minHours;
  const threshold = Math.max(11, minRest);
  const key = (e: number, a: number, b: number) => `${e}:${a}:${b}`;
  const law06 = new Set(ev.of('LAW-06').map((v) => key(v.employee, v.day, v.dayTo)));
  const pra01 = new Set(ev.of('PRA-01').map((v) => key(v.employee, v.day, v.dayTo)));
  const events: QuickReturn[] = [];
  const people: QuickReturnPerson[] = [];
  for (const emp of ctx.employees) {
    const items = ev.lines[emp.idx].items;
    const mine: QuickReturn[] = [];
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1];
      const b = items[i];
      // The same pairs LAW-06 measures: consecutive shifts, judged where the second one lies in the period.
      if (!inPeriod(ctx, b.day)) continue;
      const gap = (b.start - a.end) / 60;
      if (gap >= threshold - 1e-9) continue;
      const k = key(emp.idx, a.day, b.day);
      const breach = law06.has(k);
      mine.push({
        employee: emp.id,
        employeeName: emp.name,
        fromDate: dateOf(ctx, a.day),
        fromShift: ctx.shiftTypes[a.shift].code,
        toDate: dateOf(ctx, b.day),
        toShift: ctx.shiftTypes[b.shift].code,
        restHours: round2(gap),
        kind: breach ? 'breach' : 'agreement',
        eveningToDay: ctx.shiftTypes[a.shift].category === 'evening' && b.day === a.day + 1,
        pra01: pra01.has(k),
        source: breach ? ev.reference('LAW-06') : `${ev.reference('LAW-06')}; ${FORSVARLIGHET}`,
      });
    }
    if (!mine.length) continue;
    events.push(...mine);
    people.push({
      employee: emp.id,
      employeeName: emp.name,
      count: mine.length,
      agreementUses: mine.filter((x) => x.kind === 'agreement').length,
      breaches: mine.filter((x) => x.kind === 'breach').length,
      eveningToDay: mine.filter((x) => x.eveningToDay).length,
      shortestRestHours: Math.min(...mine.map((x) => x.restHours)),
    });
  }
  const totals = {
    count: events.length,
    agreementUses: events.filter((x) => x.kind === 'agreement').length,
    breaches: events.filter((x) => x.kind === 'breach').length,
    eveningToDay: events.filter((x) => x.eveningToDay).length,
    pra01: ev.of('PRA-01').length,
    persons: people.length,
  };
  const agreementRef = minRest < 11 ? ctx.rules.dailyRest.agreementRef : null;
  const shortest = events.length ? Math.min(...events.map((x) => x.restHours)) : null;
  let level: RiskLevel = 'green';
  let explanation;
  if (totals.breaches > 0) {
    level = 'red';
    explanation = sentences([
      bi(
        `${count(totals.breaches, HVILE, REST).nb} mellom vakter er kortere enn ${n2(minRest).nb} t – brudd på arbeidsmiljøloven (AML § 10-8).`,
        `${count(totals.breaches, HVILE, REST).en} between shifts ${be(totals.breaches)} shorter than ${n2(minRest).en} h – a breach of the Working Environment Act (AML § 10-8).`,
      ),
      totals.agreementUses > 0 &&
        bi(`I tillegg brukes den lokale avtalen om kortere hvile ${count(totals.agreementUses, GANG, TIME).nb}.`, `In addition the local agreement on shorter rest is used ${count(totals.agreementUses, GANG, TIME).en}.`),
      shortest !== null && bi(`Korteste hvile: ${n2(shortest, 2).nb} t.`, `Shortest rest: ${n2(shortest, 2).en} h.`),
    ]);
  } else if (totals.agreementUses > 0) {
    level = 'yellow';
    explanation = sentences([
      bi(
        `${count(totals.agreementUses, HVILE, REST).nb} under 11 t etter lokal avtale${agreementRef ? ` (${agreementRef})` : ''}, for ${persons(totals.persons).nb}; korteste ${n2(shortest!, 2).nb} t.`,
        `${count(totals.agreementUses, HVILE, REST).en} under 11 h by local agreement${agreementRef ? ` (${agreementRef})` : ''}, for ${persons(totals.persons).en}; shortest ${n2(shortest!, 2).en} h.`,
      ),
      totals.eveningToDay > 0 && bi(`${totals.eveningToDay} av dem er kveld etterfulgt av dagvakt.`, `${totals.eveningToDay} of them ${totals.eveningToDay === 1 ? 'is' : 'are'} an evening followed by a day shift.`),
      bi('Kort hvile gir økt risiko for feil og slitasje; avtalen krever kompenserende hvile.', 'Short rest raises the risk of errors and strain; the agreement requires compensatory rest.'),
    ]);
  } else explanation = bi('Alle har minst 11 timer hvile mellom vaktene.', 'Everyone has at least 11 hours of rest between shifts.');
  return {
    id: 'quickReturns',
    level,
    title: bi('Hvile mellom vakter (kort omløp)', 'Rest between shifts (quick returns)'),
    explanation,
    sources: uniq([ev.reference('LAW-06'), ev.reference('PRA-01')]),
    minRestHours: minRest,
    agreementRef,
    events,
    persons: people,
    totals,
  };
}

function longShiftSection(ev: Evaluation): LongShiftSection {
  const { ctx } = ev;
  const max = ctx.rules.longShifts.maxInRow;
  // LOC-01's definition: category 'long', or any non-night shift of more than 9 h working time.
  const isLong = ctx.shiftTypes.map((st) => st.category === 'long' || (st.category !== 'night' && ctx.instance(0, st.idx).workMin > LONG_MIN));
  const people: LongShiftPerson[] = [];
  for (const emp of ctx.employees) {
    const line = ev.lines[emp.idx];
    const longShifts = line.items.filter((it) => inPeriod(ctx, it.day) && isLong[it.shift]).length;
    const loc01 = ev.of('LOC-01').filter((v) => v.employee === emp.idx);
    const loc02 = ev.of('LOC-02').filter((v) => v.employee === emp.idx);
    if (!longShifts && !loc01.length && !loc02.length) continue;
    // The same runs LOC-01 counts against the local agreement's "in a row".
    const runs = runsOf(ctx, line, (s) => isLong[s]);
    let best: [number, number] | null = null;
    for (const r of runs) if (!best || r[1] - r[0] > best[1] - best[0]) best = r;
    people.push({
      employee: emp.id,
      employeeName: emp.name,
      longShifts,
      series: runs.filter(([a, b]) => b > a).length,
      longestSeries: best ? best[1] - best[0] + 1 : 0,
      longestFrom: best ? dateOf(ctx, best[0]) : null,
      longestTo: best ? dateOf(ctx, best[1]) : null,
      overLimit: loc01.filter((v) => v.detail === 'row').length,
      otherFindings: loc01.filter((v) => v.detail !== 'row').length + loc02.length,
    });
  }
  const sum = (f: (p: LongShiftPerson) => number) => people.reduce((s, p) => s + f(p), 0);
  const totals = {
    longShifts: sum((p) => p.longShifts),
    series: sum((p) => p.series),
    longestSeries: Math.max(0, ...people.map((p) => p.longestSeries)),
    overLimit: sum((p) => p.overLimit),
    otherFindings: sum((p) => p.otherFindings),
    persons: people.length,
  };
  const withSeries = people.filter((p) => p.series > 0).length;
  let level: RiskLevel = 'green';
  let explanation;
  if (totals.overLimit > 0 || totals.otherFindings > 0) {
    level = 'red';
    explanation = sentences([
      totals.overLimit > 0 &&
        bi(
          `${count(totals.overLimit, ['langvaktserie', 'langvaktserier'], ['long-shift series', 'long-shift series']).nb} er lengre enn den lokale avtalen tillater (høyst ${max} på rad); lengste serie ${totals.longestSeries}.`,
          `${count(totals.overLimit, ['langvaktserie', 'langvaktserier'], ['long-shift series', 'long-shift series']).en} ${be(totals.overLimit)} longer than the local agreement allows (at most ${max} in a row); longest series ${totals.longestSeries}.`,
        ),
      totals.otherFindings > 0 &&
        bi(
          `${count(totals.otherFindings, LANG, LONG).nb} bryter reglene ellers (frivillighet, vaktlengde eller avtalenivå).`,
          `${count(totals.otherFindings, LANG, LONG).en} ${totals.otherFindings === 1 ? 'breaks' : 'break'} the rules otherwise (voluntariness, length or agreement tier).`,
        ),
    ]);
  } else if (withSeries > 0) {
    level = 'yellow';
    explanation = bi(
      `${persons(withSeries).nb} har langvakter på rad; lengste serie er ${totals.longestSeries} (avtalen tillater ${max}). Serier av lange vakter gir økt belastning.`,
      `${persons(withSeries).en} ${withSeries === 1 ? 'works' : 'work'} long shifts in a row; the longest series is ${totals.longestSeries} (the agreement allows ${max}). Series of long shifts add strain.`,
    );
  } else if (totals.longShifts > 0)
    explanation = bi(`${count(totals.longShifts, LANG, LONG).nb}, ingen på rad.`, `${count(totals.longShifts, LANG, LONG).en}, none in a row.`);
  else explanation = bi('Ingen langvakter i planen.', 'No long shifts in the plan.');
  return {
    id: 'longShifts',
    level,
    title: bi('Langvakter i serie', 'Long shifts in series'),
    explanation,
    sources: uniq([ev.reference('LOC-01'), ev.reference('LOC-02'), FORSVARLIGHET]),
    maxInRow: max,
    persons: people,
    totals,
  };
}

function nightSection(ev: Evaluation): NightSection {
  const { ctx } = ev;
  const max = ctx.rules.soft.maxConsecutiveNights;
  const isNight = (s: number) => ctx.shiftTypes[s].category === 'night';
  const people: NightPerson[] = [];
  const ofEmp = (rule: string, e: number) => ev.of(rule).filter((v) => v.employee === e).length;
  for (const emp of ctx.employees) {
    const line = ev.lines[emp.idx];
    const nights = line.items.filter((it) => inPeriod(ctx, it.day) && isNight(it.shift)).length;
    const hardFindings = ofEmp('LAW-10', emp.idx) + ofEmp('LAW-11', emp.idx);
    if (!nights && !hardFindings) continue;
    // The same runs PRA-04 judges.
    const runs = runsOf(ctx, line, isNight);
    let best: [number, number] | null = null;
    for (const r of runs) if (!best || r[1] - r[0] > best[1] - best[0]) best = r;
    people.push({
      employee: emp.id,
      employeeName: emp.name,
      nights,
      runs: runs.length,
      longestRun: best ? best[1] - best[0] + 1 : 0,
      longestFrom: best ? dateOf(ctx, best[0]) : null,
      longestTo: best ? dateOf(ctx, best[1]) : null,
      runsOverLimit: ofEmp('PRA-04', emp.idx),
      shortRestAfter: ofEmp('PRA-02', emp.idx),
      hardFindings,
    });
  }
  const sum = (f: (p: NightPerson) => number) => people.reduce((s, p) => s + f(p), 0);
  const totals = {
    nights: sum((p) => p.nights),
    longestRun: Math.max(0, ...people.map((p) => p.longestRun)),
    runsOverLimit: sum((p) => p.runsOverLimit),
    shortRestAfter: sum((p) => p.shortRestAfter),
    hardFindings: sum((p) => p.hardFindings),
    persons: people.filter((p) => p.nights > 0).length,
  };
  let level: RiskLevel = 'green';
  let explanation;
  if (totals.hardFindings > 0) {
    level = 'red';
    explanation = sentences([
      bi(
        `${totals.hardFindings} brudd på reglene om nattarbeid (nattarbeid for fritatte, eller over 8 t per døgn i snitt for nattarbeidere).`,
        `${totals.hardFindings} breaches of the night-work rules (night work for exempted employees, or above 8 h per 24 h on average for night workers).`,
      ),
      totals.runsOverLimit > 0 && bi(`${count(totals.runsOverLimit, NSERIE, NSERIES).nb} er lengre enn ${max} netter.`, `${count(totals.runsOverLimit, NSERIE, NSERIES).en} ${be(totals.runsOverLimit)} longer than ${max} nights.`),
    ]);
  } else if (totals.runsOverLimit > 0 || totals.shortRestAfter > 0) {
    level = 'yellow';
    explanation = sentences([
      totals.runsOverLimit > 0 &&
        bi(
          `${count(totals.runsOverLimit, NSERIE, NSERIES).nb} er lengre enn ${max} netter; lengste er ${totals.longestRun}.`,
          `${count(totals.runsOverLimit, NSERIE, NSERIES).en} ${be(totals.runsOverLimit)} longer than ${max} nights; the longest is ${totals.longestRun}.`,
        ),
      totals.shortRestAfter > 0 &&
        bi(
          `${count(totals.shortRestAfter, GANG, TIME).nb} for få fridager etter en nattserie (ønsket minst ${ctx.rules.soft.minDaysOffAfterNights}).`,
          `${count(totals.shortRestAfter, GANG, TIME).en} too few days off after a night series (at least ${ctx.rules.soft.minDaysOffAfterNights} wanted).`,
        ),
    ]);
  } else if (totals.nights > 0)
    explanation = bi(
      `${count(totals.nights, ['nattevakt', 'nattevakter'], ['', '']).nb} på ${persons(totals.persons).nb}; lengste serie er ${totals.longestRun} netter (grense ${max}).`,
      `${count(totals.nights, ['', ''], ['night shift', 'night shifts']).en} for ${persons(totals.persons).en}; the longest series is ${totals.longestRun} nights (limit ${max}).`,
    );
  else explanation = bi('Ingen nattevakter i planen.', 'No night shifts in the plan.');
  return {
    id: 'nights',
    level,
    title: bi('Netter på rad', 'Nights in a row'),
    explanation,
    sources: uniq([ev.reference('PRA-04'), ev.reference('PRA-02'), ev.reference('LAW-10'), ev.reference('LAW-11'), FORSVARLIGHET]),
    maxInRow: max,
    persons: people,
    totals,
  };
}

function hoursSection(ev: Evaluation): HoursSection {
  const { ctx } = ev;
  const tolerance = round2((ctx.rules.hours.toleranceHoursPerWeek * ctx.D) / 7);
  const tar04 = new Set(ev.of('TAR-04').map((v) => v.employee));
  const people: HoursPerson[] = ctx.employees.map((emp) => {
    // TAR-04's own computation (RULES §§ 3.3, 4).
    const r = requiredHours(ctx, ev.lines[emp.idx]);
    return {
      employee: emp.id,
      employeeName: emp.name,
      positionPercent: ev.plan.employees[emp.idx].positionPercent,
      weeklyNorm: r.norm.norm,
      normBasis: r.norm.basis,
      plannedHours: round2(r.planned),
      requiredHours: round2(r.required),
      deviationHours: round2(r.planned - r.required),
      outside: tar04.has(emp.idx),
    };
  });
  const over = people.filter((p) => p.outside && p.deviationHours > 0).length;
  const under = people.filter((p) => p.outside && p.deviationHours < 0).length;
  const totals = {
    plannedHours: round2(people.reduce((s, p) => s + p.plannedHours, 0)),
    requiredHours: round2(people.reduce((s, p) => s + p.requiredHours, 0)),
    over,
    under,
    absoluteDeviationHours: round2(people.filter((p) => p.outside).reduce((s, p) => s + Math.abs(p.deviationHours), 0)),
  };
  const level: RiskLevel = over + under > 0 ? 'yellow' : 'green';
  const explanation =
    level === 'yellow'
      ? sentences([
          bi(
            `Planlagt utenfor toleransen mot stillingens timer (${n2(tolerance, 2).nb} t i perioden): ${[over > 0 && `${persons(over).nb} over`, under > 0 && `${persons(under).nb} under`].filter(Boolean).join(', ')}.`,
            `Planned outside the tolerance against the position's hours (${n2(tolerance, 2).en} h in the period): ${[over > 0 && `${persons(over).en} above`, under > 0 && `${persons(under).en} below`].filter(Boolean).join(', ')}.`,
          ),
          over > 0 && bi('Timer over stillingen kan bli merarbeid eller overtid.', 'Hours above the position may become extra work or overtime.'),
        ])
      : bi(`Alle er planlagt innenfor ${n2(tolerance, 2).nb} t av stillingens timer i perioden.`, `Everyone is planned within ${n2(tolerance, 2).en} h of their position's hours in the period.`);
  return {
    id: 'hours',
    level,
    title: bi('Timer mot stilling', 'Hours against position'),
    explanation,
    sources: [ev.reference('TAR-04')],
    toleranceHours: tolerance,
    persons: people,
    totals,
  };
}

function weekendSection(ev: Evaluation): WeekendSection {
  const { ctx } = ev;
  const k0 = ctx.rules.weekend.frequency;
  const maxRow = ctx.rules.weekend.maxConsecutive;
  const severity = ev.severity('LOC-03');
  // LOC-03's weekends: those wholly inside the period.
  const inPeriodWeekends = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
  const n = inPeriodWeekends.length;
  const people: WeekendPerson[] = ctx.employees.map((emp) => {
    const worked = workedWeekends(ctx, ev.lines[emp.idx]);
    const flags = inPeriodWeekends.map((s) => worked.has(s));
    const count = flags.filter(Boolean).length;
    const k = emp.weekendFrequency ?? k0;
    let longest = 0;
    let run = 0;
    // In a rolling rota the last weekend is followed by the first.
    const seq = ctx.cyclic ? [...flags, ...flags] : flags;
    for (const f of seq) {
      run = f ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return {
      employee: emp.id,
      employeeName: emp.name,
      weekendsWorked: count,
      weekendsInPeriod: n,
      frequency: k,
      personalFrequency: emp.weekendFrequency !== undefined,
      allowed: Math.ceil(n / k),
      everyNth: count ? round2(n / count) : null,
      longestRow: Math.min(longest, n),
      findings: ev.of('LOC-03').filter((v) => v.employee === emp.idx).length,
    };
  });
  const personsOver = people.filter((p) => p.weekendsWorked > p.allowed).length;
  const rowOver = people.filter((p) => p.longestRow > maxRow).length;
  const totals = { weekendsInPeriod: n, weekendsWorked: people.reduce((s, p) => s + p.weekendsWorked, 0), personsOver, findings: ev.of('LOC-03').length };
  let level: RiskLevel = 'green';
  let explanation;
  if (totals.findings > 0) {
    level = severity === 'hard' ? 'red' : 'yellow';
    explanation = sentences([
      personsOver > 0 &&
        bi(
          `${persons(personsOver).nb} arbeider flere helger enn hver ${k0}. helg gir (${n} helger i perioden).`,
          `${persons(personsOver).en} ${personsOver === 1 ? 'works' : 'work'} more weekends than every ${ordinalEn(k0)} weekend allows (${n} weekends in the period).`,
        ),
      rowOver > 0 && bi(`${persons(rowOver).nb} arbeider flere helger på rad enn avtalt (høyst ${maxRow}).`, `${persons(rowOver).en} ${rowOver === 1 ? 'works' : 'work'} more weekends in a row than agreed (at most ${maxRow}).`),
      bi('Hyppigere helgearbeid enn avtalt krever enighet med tillitsvalgte.', 'More frequent weekend work than agreed needs the union representatives’ consent.'),
    ]);
  } else if (n === 0) explanation = bi('Perioden har ingen hele helger.', 'The period has no whole weekends.');
  else
    explanation = bi(
      `Alle er innenfor helgefrekvensen (hver ${k0}. helg, ${n} helger i perioden).`,
      `Everyone is within the weekend frequency (every ${ordinalEn(k0)} weekend, ${n} weekends in the period).`,
    );
  return {
    id: 'weekends',
    level,
    title: bi('Helgefrekvens', 'Weekend frequency'),
    explanation,
    sources: uniq([ev.reference('LOC-03'), 'AML § 10-8 (4)']),
    frequency: k0,
    maxConsecutive: maxRow,
    severity,
    persons: people,
    totals,
  };
}

function agreementSection(ev: Evaluation): AgreementSection {
  const { exceptions, problems } = agreementExceptions(ev);
  const relaxed = exceptions.filter((x) => x.direction !== 'stricter');
  const used = relaxed.filter((x) => (x.uses ?? 0) > 0);
  const totals = { differing: exceptions.length, relaxed: relaxed.length, used: used.length, uses: used.reduce((s, x) => s + (x.uses ?? 0), 0) };
  let level: RiskLevel = 'green';
  let explanation;
  if (problems.length > 0) {
    level = 'red';
    explanation = sentences([bi(`Regelsettet har ${problems.length} feil:`, `The rule set has ${problems.length} problems:`), problems[0]]);
  } else if (used.length > 0) {
    level = 'yellow';
    const list = (lang: 'nb' | 'en') => used.map((x) => `${x.label[lang]} (${x.uses}×)`).join(', ');
    explanation = bi(
      `${used.length} av ${exceptions.length} avvik fra KS-standarden brukes i turnusen, ${count(totals.uses, GANG, TIME).nb} i alt: ${list('nb')}.`,
      `${used.length} of ${exceptions.length} departures from the KS defaults ${used.length === 1 ? 'is' : 'are'} used by the rota, ${count(totals.uses, GANG, TIME).en} in all: ${list('en')}.`,
    );
  } else if (exceptions.length > 0)
    explanation = bi(
      `${count(exceptions.length, ['parameter', 'parametere'], ['', '']).nb} avviker fra KS-standarden, men turnusen bruker ingen av lempingene.`,
      `${count(exceptions.length, ['', ''], ['parameter differs', 'parameters differ']).en} from the KS defaults, but the rota uses none of the relaxations.`,
    );
  else explanation = bi('Regelsettet følger KS-standarden; ingen lokale unntak.', 'The rule set follows the KS defaults; no local exceptions.');
  return {
    id: 'agreements',
    level,
    title: bi('Lokale avtaler og unntak', 'Local agreements and exceptions'),
    explanation,
    sources: exceptions.length ? uniq(exceptions.map((x) => x.law)) : ['AML kap. 10; KS Hovedtariffavtalen'],
    exceptions,
    problems,
    totals,
  };
}

/** The risk assessment of a plan's rota. */
export function assessRisk(plan: Plan): RiskAssessment {
  const ev = evaluate(plan);
  const sections = {
    competence: competenceSection(ev),
    quickReturns: quickReturnSection(ev),
    longShifts: longShiftSection(ev),
    nights: nightSection(ev),
    hours: hoursSection(ev),
    weekends: weekendSection(ev),
    agreements: agreementSection(ev),
  };
  const list = Object.values(sections);
  const level = worst(list.map((s) => s.level));
  const named = (l: RiskLevel, lang: 'nb' | 'en') =>
    list
      .filter((s) => s.level === l)
      .map((s) => s.title[lang].toLowerCase())
      .join(', ');
  const overall = {
    level,
    explanation: sentences([
      bi(`Samlet vurdering: ${LEVEL_WORD[level].nb}.`, `Overall: ${LEVEL_WORD[level].en}.`),
      list.some((s) => s.level === 'red') && bi(`Rødt (brudd eller uforsvarlig): ${named('red', 'nb')}.`, `Red (breach or unsafe): ${named('red', 'en')}.`),
      list.some((s) => s.level === 'yellow') && bi(`Gult (følg med): ${named('yellow', 'nb')}.`, `Yellow (watch): ${named('yellow', 'en')}.`),
      level === 'green' && bi('Ingen funn som gir grunn til bekymring.', 'No findings that give cause for concern.'),
    ]),
  };

  const counts = new Map<string, number>();
  for (const v of ev.raws) counts.set(v.rule, (counts.get(v.rule) ?? 0) + 1);
  const byRule: RuleCount[] = [...counts]
    .map(([rule, count]) => {
      const r = RULES_BY_ID.get(rule)!;
      return { rule, title: bi(r.titleNb, r.titleEn), severity: ev.severity(rule), count, reference: ev.reference(rule) };
    })
    .sort((a, b) => (a.severity !== b.severity ? (a.severity === 'hard' ? -1 : 1) : a.rule.localeCompare(b.rule)));
  const hardCount = byRule.filter((r) => r.severity === 'hard').reduce((s, r) => s + r.count, 0);

  return {
    unit: plan.unit,
    start: plan.start,
    end: plan.end,
    planningForm: plan.planningForm,
    employees: plan.employees.length,
    assignments: plan.assignments.length,
    check: { hardCount, softCount: ev.raws.length - hardCount, byRule },
    overall,
    sections,
  };
}
