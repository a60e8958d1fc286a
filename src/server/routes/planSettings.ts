/**
 * The planner's settings of a plan: shift types, the staffing plan (weekday × shift ×
 * competence, min and target) and the rule set with its legal bounds (src/core/model/ruleBounds.ts);
 * a new draft plan from the unit's latest plan as a template; and the comparison of two
 * saved versions of a plan (migration 009 keeps every version).
 *
 * Settings are edited in drafts only, against the version they were read from (409 when the
 * plan changed since), validated as a whole plan file (`parsePlan`: every field error with its
 * path, the bound and the law), saved as the next version, audit-logged and re-checked.
 */
import { z } from 'zod';
import type { Violation } from '../../core/eval/checker.js';
import { PLANNING_FORMS, type EmployeeInput, type Plan } from '../../core/model/plan.js';
import { LocalDateSchema } from '../../core/model/primitives.js';
import { boundsWithValues, CHOICE_PARAMETERS, NIGHT_WINDOW_BOUND } from '../../core/model/ruleBounds.js';
import { MAX_PLAN_DAYS, parsePlan } from '../../core/model/validatePlan.js';
import { toEpochDay } from '../../core/time/localDate.js';
import { NotFoundError, ValidationError, type FieldProblem } from '../../db/errors.js';
import type { Db } from '../../db/db.js';
import { PlanVersionRepository } from '../../db/planVersions.js';
import type { PlanSummary } from '../../db/repositories.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import { StaffRepository, type StaffMember } from '../../db/staffRepository.js';
import { param } from '../api.js';
import { errorBody, ForbiddenError, StateError } from '../errors.js';
import { planGridView } from '../planView.js';
import { PlanSummarySchema } from '../schemas.js';
import { authorizePlan, authorizeUnit, type AuthorizedPlan, type ServerContext } from './guard.js';

const SettingsBody = z.object({
  baseVersion: z.number().int().min(1),
  planningForm: z.enum(PLANNING_FORMS).optional(),
  shiftTypes: z.array(z.unknown()).min(1, 'minst én vakttype / at least one shift type').max(40),
  demand: z.array(z.unknown()).max(2000),
  rules: z.record(z.string(), z.unknown()),
});

const NewPlanBody = z
  .object({
    start: LocalDateSchema,
    end: LocalDateSchema,
    planningForm: z.enum(PLANNING_FORMS).default('calendar'),
    name: z.string().trim().min(1).max(200).optional(),
    templatePlanId: z.string().min(1).optional(),
  })
  .strict();

const CompareQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

const SettingsResponse = z.object({
  plan: PlanSummarySchema,
  editable: z.boolean(),
  planningForm: z.enum(PLANNING_FORMS),
  shiftTypes: z.array(z.record(z.string(), z.unknown())),
  demand: z.array(z.record(z.string(), z.unknown())),
  rules: z.record(z.string(), z.unknown()),
  bounds: z.array(z.record(z.string(), z.unknown())),
  choices: z.array(z.record(z.string(), z.unknown())),
  night: z.record(z.string(), z.unknown()),
  competences: z.array(z.string()),
  /** Shift code → how many cells of the rota use it (a used code cannot be removed). */
  usage: z.record(z.string(), z.number()),
  check: z.object({ hardCount: z.number(), softCount: z.number() }),
});

const CompareResponse = z.object({
  from: z.object({ version: z.number(), assignmentCount: z.number(), hardCount: z.number(), softCount: z.number() }),
  to: z.object({ version: z.number(), assignmentCount: z.number(), hardCount: z.number(), softCount: z.number() }),
  cells: z.array(z.object({ employee: z.string(), name: z.string(), date: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  hours: z.array(z.object({ employee: z.string(), name: z.string(), before: z.number().nullable(), after: z.number().nullable(), delta: z.number() })),
  violations: z.object({
    hardDelta: z.number(),
    softDelta: z.number(),
    byRule: z.array(z.object({ rule: z.string(), title: z.string(), titleEn: z.string(), severity: z.string(), before: z.number(), after: z.number() })),
    added: z.array(z.record(z.string(), z.unknown())),
    resolved: z.array(z.record(z.string(), z.unknown())),
  }),
  settingsChanged: z.array(z.string()),
});

const VersionsResponse = z.object({
  current: z.number(),
  versions: z.array(z.object({ version: z.number(), savedAt: z.string(), assignmentCount: z.number() })),
});

/** Leaders, planners and admins of the unit (full access and plan.edit). */
async function authorizeEditor(ctx: ServerContext, principal: Parameters<typeof authorizePlan>[1], planId: string): Promise<AuthorizedPlan> {
  const auth = await authorizePlan(ctx, principal, planId, 'plan.edit');
  if (auth.access !== 'full') throw new ForbiddenError('bare ledere og planleggere / leaders and planners only');
  return auth;
}

async function loadPlanFile(ctx: ServerContext, planId: string): Promise<Plan> {
  const plan = await ctx.repos.plans.loadPlan(planId);
  if (!plan) throw new NotFoundError('plan', planId);
  return plan;
}

/**
 * The employees of a new plan, by the unit's employee register: the template's employees
 * whose employment (employedFrom–employedTo) touches the period, in the template's order,
 * then the unit's own employees (home unit) employed in the period who are not in the
 * template (added through the employee form or import), by name. Employees who ended before
 * the start or begin after the end are left out; one who ends or begins inside the period
 * is kept (the planner sees them in the grid).
 */
/** The shift types a blank plan starts with (the planner changes them in the settings). */
const BLANK_SHIFT_TYPES = [
  { code: 'D', name: 'Dagvakt', start: '07:30', end: '15:00' },
  { code: 'K', name: 'Kveldsvakt', start: '14:30', end: '22:00' },
  { code: 'N', name: 'Nattevakt', start: '21:45', end: '07:45' },
];

function blankTemplate(unitName: string, start: string, end: string): Plan {
  const r = parsePlan({ unit: unitName, start, end, shiftTypes: BLANK_SHIFT_TYPES, employees: [], demand: [], assignments: [] });
  if (!r.ok) throw new Error(`blank plan: ${JSON.stringify(r.problems)}`);
  return r.value;
}

async function employeesForPeriod(db: Db, unitId: string, template: Plan, start: string, end: string): Promise<EmployeeInput[]> {
  const staff = new StaffRepository(db);
  const employed = (m: StaffMember | null) => !m || ((m.employedTo === null || m.employedTo >= start) && (m.employedFrom === null || m.employedFrom <= end));
  const records = await Promise.all(template.employees.map((e) => staff.get(e.id)));
  const kept = template.employees.filter((_, i) => employed(records[i]));
  const known = new Set(template.employees.map((e) => e.id));
  const added = (await staff.list(unitId))
    .filter((m) => !known.has(m.id) && employed(m))
    .map(({ unitId: _unit, employedFrom: _from, employedTo: _to, ...e }): EmployeeInput => e);
  return [...kept, ...added];
}

function usageOf(plan: Plan): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(plan.shiftTypes.map((s) => [s.code, 0]));
  for (const a of plan.assignments) out[a.shift] = (out[a.shift] ?? 0) + 1;
  return out;
}

function settingsOf(summary: PlanSummary, plan: Plan, editable: boolean) {
  const grid = planGridView(plan, 'full');
  return {
    plan: summary,
    editable,
    planningForm: plan.planningForm,
    shiftTypes: plan.shiftTypes,
    demand: plan.demand,
    rules: plan.rules,
    bounds: boundsWithValues(plan.rules),
    choices: CHOICE_PARAMETERS,
    night: NIGHT_WINDOW_BOUND,
    competences: [...new Set(plan.employees.flatMap((e) => [...(e.competences ?? []), ...(e.competence ? [e.competence] : [])]))].sort((a, b) => a.localeCompare(b, 'nb')),
    usage: usageOf(plan),
    check: { hardCount: grid.hardCount, softCount: grid.softCount },
  };
}

/** JSON with object keys sorted: equal values give equal text whatever the key order. */
function stable(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Which top-level settings (and rule parameters) differ between two plan files. */
function settingsChanged(a: Plan, b: Plan): string[] {
  const out: string[] = [];
  const same = (x: unknown, y: unknown) => stable(x) === stable(y);
  if (a.planningForm !== b.planningForm) out.push('planningForm');
  if (a.start !== b.start || a.end !== b.end) out.push('period');
  if (!same(a.shiftTypes, b.shiftTypes)) out.push('shiftTypes');
  if (!same(a.demand, b.demand)) out.push('demand');
  for (const group of Object.keys({ ...a.rules, ...b.rules }) as Array<keyof Plan['rules']>) {
    const ga = a.rules[group] as unknown;
    const gb = b.rules[group] as unknown;
    if (same(ga, gb)) continue;
    if (ga && gb && typeof ga === 'object' && typeof gb === 'object' && !Array.isArray(ga)) {
      for (const k of Object.keys({ ...ga, ...gb })) if (!same((ga as Record<string, unknown>)[k], (gb as Record<string, unknown>)[k])) out.push(`rules.${group}.${k}`);
    } else out.push(`rules.${group}`);
  }
  if (!same(a.employees, b.employees)) out.push('employees');
  return out;
}

/**
 * Shift types are the unit's (one definition per code): changing the times, break or kind of a
 * code that another plan of the unit uses would silently change that plan's hours. Refused
 * with the field and the plans named; a new code is the way to a new shift.
 */
async function sharedShiftTypeProblems(ctx: ServerContext, unitId: string, planId: string, shiftTypes: Plan['shiftTypes']): Promise<FieldProblem[]> {
  const r = await ctx.db.query<{ code: string; start: string; end: string; break_minutes: number | null; break_paid: boolean | null; category: string | null; prediction_for: string | null; plans: string[] | null }>(
    `select st.code, to_char(st.start_time, 'HH24:MI') as start, to_char(st.end_time, 'HH24:MI') as "end", st.break_minutes, st.break_paid, st.category, st.prediction_for,
            (select array_agg(p.name order by p.name) from plan_shift_types pst join plans p on p.id = pst.plan_id where pst.shift_type_id = st.id and pst.plan_id <> $2) as plans
     from shift_types st where st.unit_id = $1`,
    [unitId, planId],
  );
  const byCode = new Map(r.rows.map((x) => [x.code, x]));
  const out: FieldProblem[] = [];
  shiftTypes.forEach((s, i) => {
    const old = byCode.get(s.code);
    if (!old || !old.plans?.length) return;
    const changed =
      old.start !== s.start ||
      old.end !== s.end ||
      (old.break_minutes ?? null) !== (s.breakMinutes ?? null) ||
      (old.break_paid ?? null) !== (s.breakPaid ?? null) ||
      (old.category ?? null) !== (s.category ?? null) ||
      (old.prediction_for ?? null) !== (s.predictionFor ?? null);
    if (!changed) return;
    const names = old.plans.slice(0, 3).join(', ') + (old.plans.length > 3 ? ' …' : '');
    out.push({
      path: `shiftTypes[${i}].code`,
      message: `vakttypen «${s.code}» (${old.start}–${old.end}) brukes også i ${names}; en endring ville endre de planene – gi den nye vakten en ny kode / shift type ${s.code} is also used by other plans of the unit; give the changed shift a new code`,
    });
  });
  return out;
}

function countsOf(vs: readonly Violation[]) {
  let hard = 0;
  for (const v of vs) if (v.severity === 'hard') hard++;
  return { hard, soft: vs.length - hard };
}

const violationKey = (v: Violation) => `${v.rule}|${v.employee ?? ''}|${v.dates.join(',')}`;

export function planSettingsRoutes(ctx: ServerContext): void {
  const { api, db, jobs } = ctx;
  const versions = new PlanVersionRepository(db);

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/settings',
      tag: 'plans',
      summary: 'The settings of a plan: shift types, the staffing plan, the rule set with every parameter’s default, legal bounds and reference (leaders and planners)',
      response: SettingsResponse,
    },
    async (c, { principal }) => {
      const auth = await authorizeEditor(ctx, principal, param(c));
      const plan = await loadPlanFile(ctx, auth.plan.id);
      return c.json(settingsOf(auth.plan, plan, auth.plan.status === 'draft'));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/api/plans/:id/settings',
      tag: 'plans',
      summary: 'Save shift types, staffing plan and rule set into a draft as the next version (409 when the plan changed since baseVersion)',
      description:
        'Validated as a whole plan file: every problem comes back as 400 with its path (shiftTypes[i].end, demand[i].target, rules.dailyRest.minHours …), and a rule parameter outside its legal bound names the bound and the law. ' +
        'A shift code still used in the rota cannot be removed; a shift type another plan of the unit uses cannot change its times (409). The plan is re-checked and the counts returned.',
      bodyDoc: SettingsBody,
      body: SettingsBody,
      response: SettingsResponse,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const auth = await authorizeEditor(ctx, principal, param(c));
      if (auth.plan.status !== 'draft') throw new StateError('bare utkast kan endres – trekk planen tilbake til utkast først / only drafts can be edited: withdraw the plan to draft first', 'status');
      if (jobs.isRunning(auth.plan.id)) throw new StateError('turnusen genereres nå / the rota is being generated');
      if (body.baseVersion !== auth.plan.version)
        throw new StateError(`planen er endret siden versjon ${body.baseVersion} (nå ${auth.plan.version}) / the plan changed since version ${body.baseVersion}`, 'baseVersion');
      const before = await loadPlanFile(ctx, auth.plan.id);

      // A shift code that the rota or the wishes still use cannot go (the cells would lose their shift).
      const codes = new Set(body.shiftTypes.map((s) => (s && typeof s === 'object' ? (s as { code?: unknown }).code : undefined)));
      const problems: FieldProblem[] = [];
      const usage = usageOf(before);
      for (const [code, n] of Object.entries(usage))
        if (n > 0 && !codes.has(code))
          problems.push({ path: 'shiftTypes', message: `vakttypen «${code}» brukes i ${n} vakter i turnusen og kan ikke fjernes; fjern vaktene først / shift type ${code} is used by ${n} shifts in the rota and cannot be removed` });
      const wished = new Set(before.wishes.flatMap((w) => (w.shift === null ? [] : [w.shift])));
      for (const code of wished)
        if (!codes.has(code)) problems.push({ path: 'shiftTypes', message: `vakttypen «${code}» er ønsket i ønskeskjemaene og kan ikke fjernes / shift type ${code} is used by wishes and cannot be removed` });
      if (problems.length) throw new ValidationError('ugyldige innstillinger / invalid settings', problems);

      const parsed = parsePlan({ ...before, planningForm: body.planningForm ?? before.planningForm, shiftTypes: body.shiftTypes, demand: body.demand, rules: body.rules });
      if (!parsed.ok) throw new ValidationError('ugyldige innstillinger / invalid settings', parsed.problems);
      const next = parsed.value;
      const shared = await sharedShiftTypeProblems(ctx, auth.unit.id, auth.plan.id, next.shiftTypes);
      if (shared.length) throw new StateError(shared[0].message, shared[0].path);

      const changed = settingsChanged(before, next);
      const actor = c.get('actor');
      const saved = await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const s = await r.plans.savePlan(auth.unit.id, next, { planId: auth.plan.id });
        await r.audit.append({ actor, action: 'plan.settings', entity: 'plan', entityId: auth.plan.id, details: { version: s.version, changed } });
        return s;
      });
      return c.json(settingsOf(saved, next, true));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/plans/new',
      tag: 'units',
      summary: 'A new draft plan for a period from a template (the given plan, or the unit’s latest; a unit without plans gets a blank one: D/K/N shift types, the KS default rules, no staffing plan): employees, shift types, staffing plan and rule set copied, nothing assigned',
      description:
        'Employees follow the unit’s employee register: those whose employment ended before the start (or begins after the end) are left out, and the unit’s own employees employed in the period who are not in the template are added.',
      body: NewPlanBody,
      response: z.object({ plan: PlanSummarySchema }),
      status: 201,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'plan.edit');
      if (toEpochDay(body.end) < toEpochDay(body.start)) throw new ValidationError('ugyldig periode / invalid period', [{ path: 'body.end', message: `sluttdato ${body.end} er før startdato ${body.start} / end date is before start date` }]);
      if (toEpochDay(body.end) - toEpochDay(body.start) + 1 > MAX_PLAN_DAYS)
        throw new ValidationError('ugyldig periode / invalid period', [{ path: 'body.end', message: `perioden er lengre enn ${MAX_PLAN_DAYS} dager / the period is longer than ${MAX_PLAN_DAYS} days` }]);
      let templateId = body.templatePlanId;
      if (templateId) {
        const t = await ctx.repos.plans.getPlan(templateId);
        if (!t || t.unitId !== unit.id) throw new ValidationError('ukjent mal / unknown template', [{ path: 'body.templatePlanId', message: 'planen finnes ikke i denne enheten / no such plan in this unit' }]);
      } else {
        templateId = (await ctx.repos.plans.listPlans(unit.id))[0]?.id;
      }
      // A unit's first plan starts blank: the usual day, evening and night shifts, the KS
      // default rule set, no staffing plan yet, the unit's employees from the register.
      const template = templateId ? await loadPlanFile(ctx, templateId) : blankTemplate(unit.name, body.start, body.end);
      const employees = await employeesForPeriod(db, unit.id, template, body.start, body.end);
      const inPlan = new Set(employees.map((e) => e.id));
      const inPeriod = (d: string) => d >= body.start && d <= body.end;
      const demand = template.demand
        .map((d) => (d.dates ? { ...d, dates: d.dates.filter(inPeriod) } : d))
        .filter((d) => !d.dates || d.dates.length > 0);
      // Absences from the template that reach into the new period, cut to it (vacations planned ahead).
      const absences = template.absences
        .filter((a) => inPlan.has(a.employee) && a.to >= body.start && a.from <= body.end)
        .map((a) => ({ ...a, from: a.from < body.start ? body.start : a.from, to: a.to > body.end ? body.end : a.to }));
      const parsed = parsePlan({
        unit: template.unit,
        start: body.start,
        end: body.end,
        planningForm: body.planningForm,
        shiftTypes: template.shiftTypes,
        employees,
        demand,
        absences,
        wishes: [],
        rules: template.rules,
        assignments: [],
      });
      if (!parsed.ok) throw new ValidationError('malen gir ingen gyldig plan / the template gives no valid plan', parsed.problems);
      const actor = c.get('actor');
      const plan = await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const saved = await r.plans.savePlan(unit.id, parsed.value, { name: body.name, status: 'draft' });
        await r.audit.append({
          actor,
          action: 'plan.create',
          entity: 'plan',
          entityId: saved.id,
          details: { unit: unit.id, version: saved.version, start: saved.start, end: saved.end, planningForm: body.planningForm, template: templateId ?? null },
        });
        return saved;
      });
      c.header('Location', `/api/plans/${encodeURIComponent(plan.id)}`);
      return c.json({ plan }, 201);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/versions',
      tag: 'plans',
      summary: 'The kept versions of a plan, newest first (leaders, planners, representatives)',
      response: VersionsResponse,
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c));
      if (auth.access === 'published') throw new ForbiddenError('bare ledere, planleggere og tillitsvalgte / leaders, planners and representatives only');
      const list = await versions.list(auth.plan.id);
      if (!list.some((v) => v.version === auth.plan.version))
        list.unshift({ version: auth.plan.version, savedAt: auth.plan.updatedAt, assignmentCount: auth.plan.assignmentCount });
      return c.json({ current: auth.plan.version, versions: list });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/compare',
      tag: 'plans',
      summary: 'Compare two versions of a plan: the changed cells, each person’s hours, and the change in hard and soft violations',
      description: 'Representatives see the violations with absence kinds hidden. A version saved before versions were kept is 404 on path "from"/"to".',
      query: CompareQuery,
      response: CompareResponse,
    },
    async (c, { principal, query }) => {
      const auth = await authorizePlan(ctx, principal, param(c));
      if (auth.access === 'published') throw new ForbiddenError('bare ledere, planleggere og tillitsvalgte / leaders, planners and representatives only');
      const load = async (v: number) => (v === auth.plan.version ? await loadPlanFile(ctx, auth.plan.id) : v < auth.plan.version ? await versions.load(auth.plan.id, v) : null);
      const a = await load(query.from);
      const b = await load(query.to);
      for (const [p, v, path] of [[a, query.from, 'query.from'], [b, query.to, 'query.to']] as const)
        if (!p) return c.json(errorBody(path, `versjon ${v} finnes ikke eller ble lagret før versjonene ble tatt vare på / version ${v} does not exist or was saved before versions were kept`), 404);
      if (!a || !b) return c.json(errorBody('query', 'ukjent versjon / unknown version'), 404);
      const ga = planGridView(a, auth.access);
      const gb = planGridView(b, auth.access);

      const names = new Map<string, string>([...a.employees, ...b.employees].map((e) => [e.id, e.name]));
      const key = (x: { employee: string; date: string }) => `${x.employee}|${x.date}`;
      const before = new Map(a.assignments.map((x) => [key(x), x.shift]));
      const after = new Map(b.assignments.map((x) => [key(x), x.shift]));
      const cells: Array<{ employee: string; name: string; date: string; before: string | null; after: string | null }> = [];
      for (const k of new Set([...before.keys(), ...after.keys()])) {
        const x = before.get(k) ?? null;
        const y = after.get(k) ?? null;
        if (x === y) continue;
        const [employee, date] = k.split('|');
        cells.push({ employee, name: names.get(employee) ?? employee, date, before: x, after: y });
      }
      const order = new Map([...b.employees, ...a.employees].map((e, i) => [e.id, i]));
      cells.sort((x, y) => (order.get(x.employee) ?? 0) - (order.get(y.employee) ?? 0) || x.date.localeCompare(y.date));

      const hoursA = new Map(ga.employees.map((e) => [e.id, e.plannedHours]));
      const hoursB = new Map(gb.employees.map((e) => [e.id, e.plannedHours]));
      const hours = [...new Set([...gb.employees.map((e) => e.id), ...ga.employees.map((e) => e.id)])]
        .map((id) => {
          const x = hoursA.get(id) ?? null;
          const y = hoursB.get(id) ?? null;
          return { employee: id, name: names.get(id) ?? id, before: x, after: y, delta: Math.round(((y ?? 0) - (x ?? 0)) * 10) / 10 };
        })
        .filter((h) => h.delta !== 0 || h.before === null || h.after === null);

      const ka = new Map(ga.violations.map((v) => [violationKey(v), v]));
      const kb = new Map(gb.violations.map((v) => [violationKey(v), v]));
      const added = gb.violations.filter((v) => !ka.has(violationKey(v)));
      const resolved = ga.violations.filter((v) => !kb.has(violationKey(v)));
      const rules = new Map<string, { rule: string; title: string; titleEn: string; severity: string; before: number; after: number }>();
      for (const [vs, side] of [[ga.violations, 'before'], [gb.violations, 'after']] as const)
        for (const v of vs) {
          const r = rules.get(v.rule) ?? { rule: v.rule, title: v.title, titleEn: v.titleEn, severity: v.severity, before: 0, after: 0 };
          r[side]++;
          rules.set(v.rule, r);
        }
      const ca = countsOf(ga.violations);
      const cb = countsOf(gb.violations);
      return c.json({
        from: { version: query.from, assignmentCount: a.assignments.length, hardCount: ca.hard, softCount: ca.soft },
        to: { version: query.to, assignmentCount: b.assignments.length, hardCount: cb.hard, softCount: cb.soft },
        cells,
        hours,
        violations: {
          hardDelta: cb.hard - ca.hard,
          softDelta: cb.soft - ca.soft,
          byRule: [...rules.values()].filter((r) => r.before !== r.after).sort((x, y) => x.rule.localeCompare(y.rule)),
          added: added.slice(0, 200),
          resolved: resolved.slice(0, 200),
        },
        settingsChanged: settingsChanged(a, b),
      });
    },
  );
}

