/**
 * The position plan (stillingsplan) of a full-time culture: from today's staff to larger
 * positions, in concrete steps, each with its reason.
 *
 * Per competence group (the scenario's groups: an employee counts in the first of their
 * competences the staffing plan asks for, else "any"; without a scenario, their main competence):
 *
 *   room  = the scenario's position percent for the group (Σ positions) − today's Σ positions
 *   H     = the scenario's headcount for the group (the people the weekends need)
 *
 * 1. Larger positions: whoever wants a larger position (desiredPositionPercent), largest wish gap
 *    first, up to the wish and 100 %, while the room lasts — part-timers have a preferential right
 *    to a larger position before anyone is hired (AML § 14-3) — keeping back the least the weekend
 *    hires of step 2 must hold (the scenario's weekend share each).
 * 2. Weekend cover: fewer people than H → advertise the missing positions, as many at 100 % as the
 *    room allows, the rest equal parts (the way the scenario shapes its positions).
 * 3. Vacancies: the room left is advertised as 100 % positions; a remainder of at least
 *    `minVacancyPercent` as one smaller position, a smaller one is left to extra shifts.
 * 4. Merges, while the average position is below the target and the group keeps at least H people:
 *    small weekend positions (weekend-only, or below `smallPercent`) held by people who do not want
 *    more are folded into the position of someone whose wish is still unmet (or into a new
 *    position below 100 % from step 1 or 3), then the rest are merged into new, larger positions —
 *    when the positions fall vacant or by agreement with the holders (nobody loses a position by a
 *    plan).
 *
 * Without a scenario there is no room: the hours stay as they are, and the only lever is the
 * merging (a note says weekend cover is then not checked).
 */
import { ANY, groupOrder } from './profile.js';
import { fullTimeCounts, groupLabel, type ScenarioResult } from './scenario.js';
import { enNum, msg, nbNum, round, ScenarioInputError, type Message } from './messages.js';

export interface PositionPlanEmployee {
  id: string;
  name?: string;
  competence?: string | null;
  /** All competences; the first is the main one (as in the plan file). */
  competences?: string[];
  positionPercent: number;
  desiredPositionPercent?: number;
  /** A weekend-only position (ren helgestilling). */
  weekendOnly?: boolean;
}

export interface PositionPlanInput {
  employees: PositionPlanEmployee[];
  /** The average position (stillingssnitt) aimed at, in percent. */
  targetAveragePercent: number;
  /** The scenario whose headcount and positions make the weekends work (computeScenario). */
  scenario?: ScenarioResult;
  /** Hours per week of a 100 % position (default: the scenario's norm, else 35.5). */
  weeklyNorm?: number;
  /** Positions below this are small enough to merge even when not weekend-only (default 20). */
  smallPercent?: number;
  /** A leftover below this is not advertised as a position but left to extra shifts (default 50). */
  minVacancyPercent?: number;
}

export type PositionStepKind = 'increase' | 'vacancy' | 'merge';

export interface PositionStep {
  order: number;
  kind: PositionStepKind;
  group: string;
  groupLabel: { nb: string; en: string };
  /** The employee whose position grows (increase; merge into a position), or null for a new position. */
  employee: string | null;
  /** The small positions merged (employee ids). */
  merged: string[];
  fromPercent: number | null;
  toPercent: number;
  /** Hours per week of the change at the weekly norm (moved hours for a merge, new hours otherwise). */
  hoursPerWeek: number;
  /** The resulting position is 100 %. */
  fullTime: boolean;
  reason: Message;
}

export interface PositionSummary {
  headcount: number;
  fte: number;
  /** null without anyone. */
  averagePositionPercent: number | null;
  /** Shares in percent under the three definitions in use; null without anyone. */
  fullTimeSharePercent: { percent100: number; atLeast80: number; above90: number } | null;
  weekendOnly: number;
  /** Positions below `smallPercent`. */
  small: number;
}

export interface PositionAfter {
  /** The employee's id, or "ny-1", "sammenslått-1" … for a new position. */
  id: string;
  employee: string | null;
  group: string;
  percent: number;
  weekendOnly: boolean;
  change: 'unchanged' | 'increased' | 'new';
}

export interface GroupPositionPlan {
  group: string;
  label: { nb: string; en: string };
  /** The scenario's headcount and Σ positions for the group (null without a scenario). */
  scenarioHeadcount: number | null;
  scenarioPercent: number | null;
  currentPercent: number;
  /** scenarioPercent − currentPercent (null without a scenario). */
  roomPercent: number | null;
  /** What is left of the room after the steps (a remainder not advertised). */
  unusedRoomPercent: number | null;
  before: PositionSummary;
  after: PositionSummary;
}

export interface PositionPlanResult {
  steps: PositionStep[];
  before: PositionSummary;
  after: PositionSummary;
  byGroup: GroupPositionPlan[];
  target: { averagePercent: number; reached: boolean; gapPercentagePoints: number };
  positionsAfter: PositionAfter[];
  notes: Message[];
}

const EPS = 1e-6;
/** Increases below this many percentage points are not worth a contract change. */
const MIN_STEP = 0.5;

interface Pos {
  id: string;
  employee: string | null;
  name: string;
  group: string;
  percent: number;
  desired: number;
  weekendOnly: boolean;
  change: PositionAfter['change'];
}

function validate(input: PositionPlanInput): void {
  const problems: Message[] = [];
  const t = input.targetAveragePercent;
  if (!Number.isFinite(t) || t <= 0 || t > 100)
    problems.push(msg('targetAveragePercent', `Målet for stillingssnitt må være over 0 og høyst 100 %, fikk ${t}`, `The target average position must be above 0 and at most 100 %, got ${t}`));
  const seen = new Set<string>();
  input.employees.forEach((e, i) => {
    if (seen.has(e.id)) problems.push(msg('duplicate', `employees[${i}]: ${e.id} finnes to ganger`, `employees[${i}]: ${e.id} appears twice`));
    seen.add(e.id);
    if (!Number.isFinite(e.positionPercent) || e.positionPercent <= 0 || e.positionPercent > 100)
      problems.push(msg('positionPercent', `employees[${i}] (${e.id}): stillingsprosent må være over 0 og høyst 100, fikk ${e.positionPercent}`, `employees[${i}] (${e.id}): the position must be above 0 and at most 100, got ${e.positionPercent}`));
    const d = e.desiredPositionPercent;
    if (d !== undefined && (!Number.isFinite(d) || d <= 0 || d > 100))
      problems.push(msg('desiredPositionPercent', `employees[${i}] (${e.id}): ønsket stilling må være over 0 og høyst 100, fikk ${d}`, `employees[${i}] (${e.id}): the desired position must be above 0 and at most 100, got ${d}`));
  });
  const bounds: Array<[string, number | undefined, number, number]> = [
    ['weeklyNorm', input.weeklyNorm, 20, 40],
    ['smallPercent', input.smallPercent, 0, 100],
    ['minVacancyPercent', input.minVacancyPercent, 0, 100],
  ];
  for (const [k, v, lo, hi] of bounds)
    if (v !== undefined && (!Number.isFinite(v) || v < lo || v > hi)) problems.push(msg(k, `${k} må være mellom ${lo} og ${hi}, fikk ${v}`, `${k} must be between ${lo} and ${hi}, got ${v}`));
  if (problems.length) throw new ScenarioInputError(problems);
}

function summarize(ps: Array<{ percent: number; weekendOnly: boolean }>, small: number): PositionSummary {
  const n = ps.length;
  const sum = ps.reduce((s, p) => s + p.percent, 0);
  const ft = fullTimeCounts(ps.map((p) => p.percent));
  const share = (k: number) => round((100 * k) / n, 2);
  return {
    headcount: n,
    fte: round(sum / 100, 2),
    averagePositionPercent: n > 0 ? round(sum / n, 2) : null,
    fullTimeSharePercent: n > 0 ? { percent100: share(ft.percent100), atLeast80: share(ft.atLeast80), above90: share(ft.above90) } : null,
    weekendOnly: ps.filter((p) => p.weekendOnly).length,
    small: ps.filter((p) => p.percent < small - EPS).length,
  };
}

const enOrdinal = (k: number) => `${k}${k === 2 ? 'nd' : k === 3 ? 'rd' : 'th'}`;
const nbPct = (x: number) => `${nbNum(x, 2)} %`;
const enPct = (x: number) => `${enNum(x, 2)} %`;

/** Concrete steps from today's positions towards the target average, within what the scenario's hours allow. */
export function proposePositionPlan(input: PositionPlanInput): PositionPlanResult {
  validate(input);
  const scenario = input.scenario;
  const norm = input.weeklyNorm ?? scenario?.weeklyNorm ?? 35.5;
  const small = input.smallPercent ?? 20;
  const minVacancy = input.minVacancyPercent ?? 50;
  const target = input.targetAveragePercent;
  const notes: Message[] = [];
  const steps: PositionStep[] = [];

  const scenarioGroups = new Set(Object.keys(scenario?.byCompetence ?? {}).filter((g) => g !== ANY));
  const groupOf = (e: PositionPlanEmployee): string => {
    const comps = e.competences ?? (e.competence ? [e.competence] : []);
    return scenario ? (comps.find((c) => scenarioGroups.has(c)) ?? ANY) : (comps[0] ?? ANY);
  };
  const positions: Pos[] = input.employees.map((e) => ({
    id: e.id,
    employee: e.id,
    name: e.name ?? e.id,
    group: groupOf(e),
    percent: e.positionPercent,
    desired: Math.min(100, e.desiredPositionPercent ?? e.positionPercent),
    weekendOnly: e.weekendOnly === true,
    change: 'unchanged',
  }));
  const before = summarize(positions, small);
  const groups = [...new Set([...Object.keys(scenario?.byCompetence ?? {}), ...positions.map((p) => p.group)])].sort(groupOrder);
  const label = (g: string) => scenario?.byCompetence[g]?.label ?? groupLabel(g);
  const alive = () => positions.filter((p) => p.percent > EPS);
  const average = () => {
    const a = alive();
    return a.length ? a.reduce((s, p) => s + p.percent, 0) / a.length : 0;
  };
  const hours = (pctPoints: number) => round((pctPoints / 100) * norm, 2);
  let newCount = 0;
  const addStep = (s: Omit<PositionStep, 'order' | 'groupLabel' | 'hoursPerWeek' | 'fullTime'> & { hoursPercent: number }) => {
    const { hoursPercent, ...rest } = s;
    steps.push({ order: steps.length + 1, ...rest, groupLabel: label(s.group), hoursPerWeek: hours(hoursPercent), fullTime: s.toPercent >= 100 - EPS });
  };
  const newPosition = (group: string, percent: number, prefix: string): Pos => {
    newCount++;
    // A new position below 100 % can take in small positions later (step 4a): it "wants" 100 %.
    const p: Pos = { id: `${prefix}-${newCount}`, employee: null, name: `${prefix}-${newCount}`, group, percent: round(percent, 2), desired: prefix === 'ny' ? 100 : round(percent, 2), weekendOnly: false, change: 'new' };
    positions.push(p);
    return p;
  };

  if (!scenario)
    notes.push(
      msg(
        'noScenario',
        'Uten scenario er timene de samme som i dag: større stillinger kommer bare av å slå sammen små helgestillinger, og helgedekningen etterpå er ikke kontrollert – beregn et scenario (computeScenario) for å se hva helgene krever',
        'Without a scenario the hours stay as today: larger positions come only from merging small weekend positions, and the weekend cover afterwards is not checked – compute a scenario (computeScenario) to see what the weekends need',
      ),
    );
  else if (!scenario.staffable)
    notes.push(
      msg(
        'scenarioNotStaffable',
        `Scenariet «${scenario.name.nb}» kan ikke bemannes slik det står: ${scenario.reasons.map((r) => r.nb).join('; ')}`,
        `The scenario "${scenario.name.en}" cannot be staffed as it stands: ${scenario.reasons.map((r) => r.en).join('; ')}`,
      ),
    );

  interface GroupState {
    group: string;
    H: number | null;
    B: number | null;
    C: number;
    room: number;
  }
  const state = new Map<string, GroupState>();
  for (const g of groups) {
    const sg = scenario?.byCompetence[g];
    const C = positions.filter((p) => p.group === g).reduce((s, p) => s + p.percent, 0);
    const B = scenario ? (sg ? sg.positions.reduce((s, x) => s + x, 0) : 0) : null;
    state.set(g, { group: g, H: scenario ? (sg?.headcount ?? 0) : null, B, C, room: B === null ? 0 : B - C });
    if (scenario && B !== null && B < C - MIN_STEP)
      notes.push(
        msg(
          'noRoom',
          `${label(g).nb}: de ansatte har ${nbPct(C)} i stillinger, scenariet trenger ${nbPct(B)} – ingen timer til større stillinger uten sammenslåing`,
          `${label(g).en}: the staff hold ${enPct(C)} in positions, the scenario needs ${enPct(B)} – no hours for larger positions without merging`,
        ),
      );
  }
  const fundingText = (st: GroupState) => ({
    nb: `scenariet «${scenario!.name.nb}» trenger ${nbPct(st.B!)} i gruppen «${label(st.group).nb}», de ansatte har ${nbPct(st.C)}`,
    en: `the scenario "${scenario!.name.en}" needs ${enPct(st.B!)} in the group "${label(st.group).en}", the staff hold ${enPct(st.C)}`,
  });
  const headcountOf = (g: string) => alive().filter((p) => p.group === g).length;

  // The people the weekends need beyond today's staff, and the least each of them must hold (the
  // scenario's weekend share): that much room is kept for them before any increase.
  const need = new Map<string, number>();
  const reserve = new Map<string, number>();
  for (const st of state.values()) {
    if (st.H === null) continue;
    const n = st.H - headcountOf(st.group);
    if (n <= 0) continue;
    need.set(st.group, n);
    const minPos = Math.max(MIN_STEP, scenario!.byCompetence[st.group]?.minPositionPercent ?? 0);
    reserve.set(st.group, Math.min(Math.max(0, st.room), n * minPos));
  }

  // 1. Larger positions first (part-timers' preferential right, AML § 14-3), largest wish gap
  //    first, within the room less what the weekend hires need.
  const gap = (p: Pos) => p.desired - p.percent;
  const wanting = () =>
    alive()
      .filter((p) => p.employee !== null && gap(p) >= MIN_STEP)
      .sort((a, b) => gap(b) - gap(a) || a.percent - b.percent || a.id.localeCompare(b.id));
  for (const p of wanting()) {
    const st = state.get(p.group)!;
    const free = st.room - (reserve.get(p.group) ?? 0);
    if (free < MIN_STEP) continue;
    const want = gap(p);
    const give = round(Math.min(want, free), 2);
    const from = p.percent;
    p.percent = round(p.percent + give, 2);
    p.change = 'increased';
    st.room -= give;
    const f = fundingText(st);
    const partial = give < want - EPS;
    const wasWeekendOnly = p.weekendOnly;
    p.weekendOnly = false;
    const rota = wasWeekendOnly ? { nb: '; blir en turnusstilling, ikke lenger ren helgestilling', en: '; becomes a rota position, no longer weekend-only' } : { nb: '', en: '' };
    addStep({
      kind: 'increase',
      group: p.group,
      employee: p.employee,
      merged: [],
      fromPercent: from,
      toPercent: p.percent,
      hoursPercent: give,
      reason: msg(
        'increase',
        `${p.name}: ${nbPct(from)} → ${nbPct(p.percent)} (ønsker ${nbPct(p.desired)}; ønskegap ${nbNum(want, 2)} prosentpoeng, største gap først; deltidsansattes fortrinnsrett, AML § 14-3)${partial ? ' – delvis: timene i scenariet er brukt opp' : ''}${rota.nb}; ${f.nb}`,
        `${p.name}: ${enPct(from)} → ${enPct(p.percent)} (wants ${enPct(p.desired)}; wish gap ${enNum(want, 2)} percentage points, largest gap first; part-timers' preferential right, AML § 14-3)${partial ? " – in part: the scenario's hours are used up" : ''}${rota.en}; ${f.en}`,
      ),
    });
  }

  // 2. The people the weekends need: as many 100 % positions as the room allows, the rest equal
  //    parts, each at least the weekend share (as the scenario shapes its positions).
  for (const st of state.values()) {
    const n = need.get(st.group);
    if (n === undefined) continue;
    const room = Math.max(0, st.room);
    if (room / n < MIN_STEP) {
      notes.push(
        msg(
          'weekendShort',
          `${label(st.group).nb}: helgene trenger ${st.H} personer, gruppen har ${st.H! - n}, men timene er allerede i stillingene – scenariet krever mindre stillinger; vurder langvakter eller sjeldnere helger`,
          `${label(st.group).en}: the weekends need ${st.H} people, the group has ${st.H! - n}, but the hours are already in the positions – the scenario needs smaller positions; consider long shifts or rarer weekends`,
        ),
      );
      continue;
    }
    const minPos = Math.min(room / n, Math.max(MIN_STEP, scenario!.byCompetence[st.group]?.minPositionPercent ?? 0));
    const full = room >= n * 100 - EPS ? n : Math.max(0, Math.min(n - 1, Math.floor((room - n * minPos) / (100 - minPos) + EPS)));
    const restEach = full === n ? 0 : Math.min(100, (room - full * 100) / (n - full));
    const sizes = [...Array.from({ length: full }, () => 100), ...Array.from({ length: n - full }, () => restEach)];
    const f = fundingText(st);
    for (const size of sizes) {
      const p = newPosition(st.group, size, 'ny');
      st.room -= p.percent;
      addStep({
        kind: 'vacancy',
        group: st.group,
        employee: null,
        merged: [],
        fromPercent: null,
        toPercent: p.percent,
        hoursPercent: p.percent,
        reason: msg(
          'vacancyWeekend',
          `Lys ut en stilling på ${nbPct(p.percent)} (${p.id}): helgene trenger ${st.H} personer i gruppen «${label(st.group).nb}» (hver ${scenario!.weekendEvery}. helg), gruppen har ${st.H! - n}; ${f.nb}`,
          `Advertise a ${enPct(p.percent)} position (${p.id}): the weekends need ${st.H} people in the group "${label(st.group).en}" (every ${enOrdinal(scenario!.weekendEvery)} weekend), the group has ${st.H! - n}; ${f.en}`,
        ),
      });
    }
  }

  // 3. The room left: vacancies at 100 %, a remainder as one smaller position or extra shifts.
  for (const st of state.values()) {
    if (st.room < MIN_STEP) continue;
    const f = fundingText(st);
    const full = Math.floor(st.room / 100 + EPS);
    for (let i = 0; i < full; i++) {
      const p = newPosition(st.group, 100, 'ny');
      st.room -= 100;
      addStep({
        kind: 'vacancy',
        group: st.group,
        employee: null,
        merged: [],
        fromPercent: null,
        toPercent: 100,
        hoursPercent: 100,
        reason: msg(
          'vacancy100',
          `Lys ut en 100 %-stilling (${p.id}): ingen flere ønsker om større stilling i gruppen «${label(st.group).nb}», og ${f.nb} etter økningene`,
          `Advertise a 100 % position (${p.id}): no more wishes for a larger position in the group "${label(st.group).en}", and ${f.en} after the increases`,
        ),
      });
    }
    const rest = round(st.room, 2);
    if (rest >= minVacancy - EPS) {
      const p = newPosition(st.group, rest, 'ny');
      st.room -= rest;
      addStep({
        kind: 'vacancy',
        group: st.group,
        employee: null,
        merged: [],
        fromPercent: null,
        toPercent: p.percent,
        hoursPercent: p.percent,
        reason: msg(
          'vacancyRest',
          `Lys ut en stilling på ${nbPct(p.percent)} (${p.id}): resten av timene scenariet trenger i gruppen «${label(st.group).nb}» – ikke heltid; gjør den til 100 % når timene vokser`,
          `Advertise a ${enPct(p.percent)} position (${p.id}): the rest of the hours the scenario needs in the group "${label(st.group).en}" – not full time; make it 100 % when the hours grow`,
        ),
      });
    } else if (rest >= MIN_STEP)
      notes.push(
        msg(
          'remainder',
          `${label(st.group).nb}: ${nbPct(rest)} (${nbNum(hours(rest), 2)} t/uke) er ikke lyst ut – under ${nbPct(minVacancy)}; dekkes med ekstravakter eller prediksjonsvakter til deltidsansatte`,
          `${label(st.group).en}: ${enPct(rest)} (${enNum(hours(rest), 2)} h/week) is not advertised – below ${enPct(minVacancy)}; covered by extra shifts or prediction shifts for part-timers`,
        ),
      );
  }

  // 4. Merges of small weekend positions, while below the target and the weekends keep their people.
  const slack = (g: string) => {
    const H = state.get(g)!.H;
    return H === null ? Infinity : headcountOf(g) - H;
  };
  const isCandidate = (p: Pos) => p.employee !== null && p.change === 'unchanged' && p.percent > EPS && p.percent < 100 - EPS && (p.weekendOnly || p.percent < small - EPS) && gap(p) < MIN_STEP;
  const smallWhy = (c: Pos) => (c.weekendOnly ? { nb: 'Helgestillingen', en: 'weekend position' } : { nb: 'Den lille stillingen', en: 'small position' });
  const keepText = (g: string) => {
    const H = state.get(g)!.H;
    return H === null
      ? { nb: 'helgedekningen er ikke kontrollert uten scenario', en: 'the weekend cover is not checked without a scenario' }
      : { nb: `gruppen har fortsatt ${headcountOf(g)} personer, helgene trenger ${H}`, en: `the group still has ${headcountOf(g)} people, the weekends need ${H}` };
  };
  // 4a. Into the position of someone whose wish is still unmet, or into a new position below 100 %.
  const recipients = alive()
    .filter((p) => gap(p) >= MIN_STEP && (p.employee !== null || p.change === 'new'))
    .sort((a, b) => gap(b) - gap(a) || a.percent - b.percent || a.id.localeCompare(b.id));
  for (const r of recipients) {
    for (;;) {
      if (average() >= target - EPS || slack(r.group) < 1) break;
      const room = gap(r);
      const c = alive()
        .filter((p) => p.group === r.group && p !== r && isCandidate(p) && p.percent <= room + EPS)
        .sort((a, b) => b.percent - a.percent || a.id.localeCompare(b.id))[0];
      if (!c) break;
      const from = r.percent;
      r.percent = round(r.percent + c.percent, 2);
      r.change = r.employee === null ? 'new' : 'increased';
      const rota = r.weekendOnly ? { nb: '; blir en turnusstilling, ikke lenger ren helgestilling', en: '; becomes a rota position, no longer weekend-only' } : { nb: '', en: '' };
      r.weekendOnly = false;
      const moved = c.percent;
      c.percent = 0;
      const w = smallWhy(c);
      const keep = keepText(r.group);
      addStep({
        kind: 'merge',
        group: r.group,
        employee: r.employee,
        merged: [c.employee!],
        fromPercent: from,
        toPercent: r.percent,
        hoursPercent: moved,
        reason:
          r.employee === null
            ? msg(
                'mergeIntoNew',
                `${w.nb} til ${c.name} (${nbPct(moved)}) legges til den nye stillingen ${r.id}: ${nbPct(from)} → ${nbPct(r.percent)} når den blir ledig eller etter avtale; én person færre å lede, ${keep.nb}`,
                `The ${w.en} of ${c.name} (${enPct(moved)}) is added to the new position ${r.id}: ${enPct(from)} → ${enPct(r.percent)} when it falls vacant or by agreement; one person fewer to lead, ${keep.en}`,
              )
            : msg(
                'mergeInto',
                `${w.nb} til ${c.name} (${nbPct(moved)}) legges til stillingen til ${r.name}: ${nbPct(from)} → ${nbPct(r.percent)} (ønsker ${nbPct(r.desired)}) når den blir ledig eller etter avtale${rota.nb}; én person færre å lede, ${keep.nb}`,
                `The ${w.en} of ${c.name} (${enPct(moved)}) is added to ${r.name}'s position: ${enPct(from)} → ${enPct(r.percent)} (wants ${enPct(r.desired)}) when it falls vacant or by agreement${rota.en}; one person fewer to lead, ${keep.en}`,
              ),
      });
    }
  }
  // 4b. The rest into new, larger positions.
  for (const g of groups) {
    for (;;) {
      if (average() >= target - EPS || slack(g) < 1) break;
      const cands = alive()
        .filter((p) => p.group === g && isCandidate(p))
        .sort((a, b) => b.percent - a.percent || a.id.localeCompare(b.id));
      const bin: Pos[] = [];
      let sum = 0;
      const maxMembers = slack(g) + 1;
      for (const c of cands) {
        if (bin.length >= maxMembers) break;
        if (sum + c.percent <= 100 + EPS) {
          bin.push(c);
          sum += c.percent;
        }
      }
      if (bin.length < 2) break;
      const list = { nb: bin.map((c) => `${c.name} (${nbPct(c.percent)})`).join(', '), en: bin.map((c) => `${c.name} (${enPct(c.percent)})`).join(', ') };
      const merged = newPosition(g, sum, 'sammenslått');
      for (const c of bin) c.percent = 0;
      const kind = bin.every((c) => c.weekendOnly) ? { nb: 'Små helgestillinger', en: 'Small weekend positions' } : { nb: 'Små stillinger', en: 'Small positions' };
      const keep = keepText(g);
      addStep({
        kind: 'merge',
        group: g,
        employee: null,
        merged: bin.map((c) => c.employee!),
        fromPercent: null,
        toPercent: merged.percent,
        hoursPercent: merged.percent,
        reason: msg(
          'mergeNew',
          `${kind.nb} ${list.nb} slås sammen til én stilling på ${nbPct(merged.percent)} (${merged.id}) når de blir ledige eller etter avtale – tilbys først en av dem; ${bin.length - 1} ${bin.length === 2 ? 'person' : 'personer'} færre, ${keep.nb}`,
          `${kind.en} ${list.en} are merged into one ${enPct(merged.percent)} position (${merged.id}) when they fall vacant or by agreement – offered first to one of them; ${bin.length - 1} ${bin.length === 2 ? 'person' : 'people'} fewer, ${keep.en}`,
        ),
      });
    }
  }

  const after = summarize(alive(), small);
  const avgAfter = after.averagePositionPercent ?? 0;
  const reached = avgAfter >= target - 0.005;
  if (!reached) {
    const below = alive().filter((p) => p.percent < target - EPS).length;
    const why = scenario && scenario.averagePositionPercent < target - EPS
      ? {
          nb: `scenariet «${scenario.name.nb}» gir selv et stillingssnitt på ${nbPct(scenario.averagePositionPercent)} (${scenario.headcount} personer); høyere snitt krever færre personer per helg (langvakter), sjeldnere helger eller en felles pool`,
          en: `the scenario "${scenario.name.en}" itself gives an average position of ${enPct(scenario.averagePositionPercent)} (${scenario.headcount} people); a higher average needs fewer people per weekend (long shifts), rarer weekends or a shared pool`,
        }
      : scenario
        ? {
            nb: `${below} ${below === 1 ? 'stilling' : 'stillinger'} under målet har ingen ledige timer å vokse med, eller innehaverne har ikke bedt om mer – spør dem (ønskeskjema), eller slå sammen når stillingene blir ledige`,
            en: `${below} ${below === 1 ? 'position' : 'positions'} below the target have no hours left to grow by, or their holders have not asked for more – ask them (the wish form), or merge when the positions fall vacant`,
          }
        : { nb: 'uten flere timer hever bare sammenslåing snittet, og det er ikke flere små helgestillinger å slå sammen', en: 'without more hours only merging raises the average, and there are no more small weekend positions to merge' };
    notes.push(
      msg(
        'targetNotReached',
        `Målet ${nbPct(target)} nås ikke: stillingssnittet blir ${nbPct(avgAfter)}; ${why.nb}`,
        `The target ${enPct(target)} is not reached: the average position becomes ${enPct(avgAfter)}; ${why.en}`,
      ),
    );
  }
  if (input.employees.length > 0 && input.employees.every((e) => e.desiredPositionPercent === undefined))
    notes.push(msg('noWishes', 'Ingen ønsker om stillingsstørrelse er registrert (desiredPositionPercent)', 'No wishes for position size are registered (desiredPositionPercent)'));

  const byGroup: GroupPositionPlan[] = groups.map((g) => {
    const st = state.get(g)!;
    const bg = input.employees.filter((e) => groupOf(e) === g).map((e) => ({ percent: e.positionPercent, weekendOnly: e.weekendOnly === true }));
    return {
      group: g,
      label: label(g),
      scenarioHeadcount: st.H,
      scenarioPercent: st.B === null ? null : round(st.B, 2),
      currentPercent: round(st.C, 2),
      roomPercent: st.B === null ? null : round(st.B - st.C, 2),
      unusedRoomPercent: st.B === null ? null : round(Math.max(0, st.room), 2),
      before: summarize(bg, small),
      after: summarize(alive().filter((p) => p.group === g), small),
    };
  });

  return {
    steps,
    before,
    after,
    byGroup,
    target: { averagePercent: target, reached, gapPercentagePoints: round(Math.max(0, target - avgAfter), 2) },
    positionsAfter: alive().map((p) => ({ id: p.id, employee: p.employee, group: p.group, percent: p.percent, weekendOnly: p.weekendOnly, change: p.change })),
    notes,
  };
}
