/**
 * The day of absence (issue #5): the absences in a plan's period that still need cover, the
 * proposed cover for one absence (engine/cover.ts: prediction shift → own staff by rule safety,
 * competence, hours and fairness → pool → substitute), confirming it with one action (a new
 * version of the rota, planned vs actual recorded, the people affected notified), the planned
 * vs actual list, and the employee's notices.
 */
import { z } from 'zod';
import type { Plan } from '../../core/model/plan.js';
import { LocalDateSchema, IdSchema } from '../../core/model/primitives.js';
import { addDays } from '../../core/time/localDate.js';
import type { Unit } from '../../db/repositories.js';
import { confirmCoverForPlan, CoverConflictError, proposeCoverForPlan, type CoverNeed } from '../../engine/cover.js';
import { CoverRepository, COVER_KINDS } from '../../db/coverRepository.js';
import { NotFoundError, ValidationError } from '../../db/errors.js';
import { param } from '../api.js';
import { ForbiddenError, StateError } from '../errors.js';
import { HISTORY_KINDS, registerAbsence } from '../absences.js';
import { saveRota } from './plans.js';
import { coverHiredFrom, recordCoverHired } from './hired.js';
import { authorizePlan, type ServerContext } from './guard.js';

const AbsenceBody = z
  .object({
    employee: IdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    kind: z.enum(HISTORY_KINDS),
  })
  .strict()
  .refine((b) => b.to >= b.from, { path: ['to'], message: 'til-dato er før fra-dato / to is before from' });

const ConfirmBody = z
  .object({
    baseVersion: z.number().int().min(1),
    absence: AbsenceBody,
    /** Id of the absence when it is already registered (e.g. reported by the employee); else it is registered now. */
    absenceId: z.number().int().optional(),
    choices: z
      .array(
        z
          .object({
            date: LocalDateSchema,
            shift: z.string().min(1),
            employee: IdSchema.nullable().describe('The colleague who takes the shift, or null for an outside substitute'),
            substituteName: z.string().max(120).optional(),
          })
          .strict(),
      )
      .max(400),
  })
  .strict();

const CandidateSchema = z.object({
  kind: z.enum(['prediction', 'own', 'pool', 'substitute']),
  employee: z.string().nullable(),
  name: z.string(),
  had: z.string().nullable(),
  competenceMatch: z.boolean(),
  safe: z.boolean(),
  hardAdded: z.number(),
  softAdded: z.number(),
  hoursAfter: z.number().nullable(),
  positionHours: z.number().nullable(),
  coversTaken: z.number(),
  overtime: z.boolean(),
  cost: z.number(),
});
const NeedSchema = z.object({
  date: z.string(),
  shift: z.string(),
  competence: z.string().nullable(),
  absentEmployee: z.string(),
  predictionShiftLost: z.boolean(),
  candidates: z.array(CandidateSchema),
});
const ActualSchema = z.object({
  date: z.string(),
  shift: z.string(),
  plannedEmployee: z.string().nullable(),
  actualEmployee: z.string().nullable(),
  actualCompetence: z.string().nullable(),
  coverKind: z.enum(['planned', ...COVER_KINDS]),
  substituteName: z.string().nullable().optional(),
});
const NoticeSchema = z.object({ id: z.number(), planId: z.string().nullable(), messageNb: z.string(), messageEn: z.string(), createdAt: z.string(), readAt: z.string().nullable() });

/** 14.01.2027 */
const nbDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function checkAbsenceInPlan(plan: Plan, a: { employee: string; from: string; to: string }): void {
  const problems: Array<{ path: string; message: string }> = [];
  if (!plan.employees.some((e) => e.id === a.employee)) problems.push({ path: 'body.employee', message: `«${a.employee}» er ikke med i planen / is not in the plan` });
  if (a.to < plan.start || a.from > plan.end) problems.push({ path: 'body.from', message: `fraværet ligger utenfor planperioden ${plan.start}–${plan.end} / the absence is outside the plan period` });
  if (problems.length) throw new ValidationError('ugyldig fravær / invalid absence', problems);
}

/**
 * The shared pool (ressurspool): employees of the organisation's other units who are free in
 * their own unit's rota from the day before the absence to the day after (so the rest rules
 * hold across both rotas), added to a copy of the plan with their home unit. The same rule
 * catalogue then decides whether each can take the shift.
 */
async function withPool(ctx: ServerContext, unit: Unit, plan: Plan, from: string, to: string): Promise<{ plan: Plan; pool: Set<string> }> {
  const lo = addDays(from < plan.start ? plan.start : from, -1);
  const hi = addDays(to > plan.end ? plan.end : to, 1);
  const inPlan = new Set(plan.employees.map((e) => e.id));
  const pool: Plan['employees'] = [];
  for (const other of await ctx.repos.organisations.listUnits(unit.organisationId)) {
    if (other.id === unit.id) continue;
    const busy = new Set<string>();
    for (const summary of await ctx.repos.plans.listPlans(other.id)) {
      if (summary.end < lo || summary.start > hi) continue;
      const p = await ctx.repos.plans.loadPlan(summary.id);
      if (!p) continue;
      for (const a of p.assignments) if (a.date >= lo && a.date <= hi) busy.add(a.employee);
      for (const a of p.absences) if (a.to >= lo && a.from <= hi) busy.add(a.employee);
    }
    const history = await ctx.repos.absences.listHistory({ unitIds: [other.id], from: lo, to: hi });
    for (const a of history) busy.add(a.employee);
    for (const e of await ctx.repos.employees.listByUnit(other.id)) {
      if (inPlan.has(e.id) || busy.has(e.id)) continue;
      const { unitId, ...input } = e;
      pool.push({ ...input, homeUnit: unitId });
    }
  }
  return { plan: { ...plan, employees: [...plan.employees, ...pool] }, pool: new Set(pool.map((e) => e.id)) };
}

/** Cover needs with employee names for the leader. */
function describeNeeds(plan: Plan, needs: CoverNeed[]) {
  const name = new Map(plan.employees.map((e) => [e.id, e.name]));
  return needs.map((n) => ({ ...n, absentName: name.get(n.absentEmployee) ?? n.absentEmployee }));
}

export function coverRoutes(ctx: ServerContext): void {
  const { api, repos } = ctx;
  const cover = new CoverRepository(ctx.db);

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/cover/open',
      tag: 'cover',
      summary: "Registered absences in the plan's period whose shifts are still on the absent person (they need cover)",
      response: z.object({ absences: z.array(z.object({ id: z.number(), employee: z.string(), name: z.string(), from: z.string(), to: z.string(), kind: z.string(), shifts: z.number() })) }),
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'absence.manage');
      const plan = await repos.plans.loadPlan(auth.plan.id);
      if (!plan) throw new NotFoundError('plan', auth.plan.id);
      const history = await repos.absences.listHistory({ employees: plan.employees.map((e) => e.id), from: plan.start, to: plan.end });
      const name = new Map(plan.employees.map((e) => [e.id, e.name]));
      const absences = history
        .filter((a) => a.kind !== 'vacation')
        .map((a) => ({
          id: a.id,
          employee: a.employee,
          name: name.get(a.employee) ?? a.employee,
          from: a.from,
          to: a.to,
          kind: a.kind,
          shifts: plan.assignments.filter((s) => s.employee === a.employee && s.date >= a.from && s.date <= a.to).length,
        }))
        .filter((a) => a.shifts > 0);
      return c.json({ absences });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/cover/proposals',
      tag: 'cover',
      summary: 'Proposed cover for an absence: per lost shift, candidates in order (prediction shift, own staff, pool, substitute); nothing is saved',
      body: AbsenceBody,
      response: z.object({ planVersion: z.number(), needs: z.array(NeedSchema.extend({ absentName: z.string() })) }),
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'absence.manage');
      const plan = await repos.plans.loadPlan(auth.plan.id);
      if (!plan) throw new NotFoundError('plan', auth.plan.id);
      checkAbsenceInPlan(plan, body);
      const pooled = await withPool(ctx, auth.unit, plan, body.from, body.to);
      const { needs } = proposeCoverForPlan(pooled.plan, body, { poolEmployees: pooled.pool });
      return c.json({ planVersion: auth.plan.version, needs: describeNeeds(pooled.plan, needs) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/cover',
      tag: 'cover',
      summary: 'Confirm cover for an absence: the rota as the next version, planned vs actual recorded, the affected people notified; 409 when the plan changed since baseVersion',
      body: ConfirmBody,
      response: z.object({ planVersion: z.number(), actuals: z.array(ActualSchema) }),
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'absence.manage');
      if (ctx.jobs.isRunning(auth.plan.id)) throw new StateError('turnusen genereres nå / the rota is being generated');
      if (body.baseVersion !== auth.plan.version)
        throw new StateError(`planen er endret siden versjon ${body.baseVersion} (nå ${auth.plan.version}) / the plan changed since version ${body.baseVersion}`, 'baseVersion');
      const plan = await repos.plans.loadPlan(auth.plan.id);
      if (!plan) throw new NotFoundError('plan', auth.plan.id);
      checkAbsenceInPlan(plan, body.absence);
      // Every choice must be one of the proposed, rule-safe candidates for a lost shift.
      const pooled = await withPool(ctx, auth.unit, plan, body.absence.from, body.absence.to);
      const { needs } = proposeCoverForPlan(pooled.plan, body.absence, { poolEmployees: pooled.pool });
      const problems: Array<{ path: string; message: string }> = [];
      body.choices.forEach((ch, i) => {
        const need = needs.find((n) => n.date === ch.date && n.shift === ch.shift);
        if (!need) problems.push({ path: `body.choices[${i}]`, message: `${ch.date} ${ch.shift}: ingen vakt å dekke / no shift to cover` });
        else if (ch.employee !== null && !need.candidates.some((x) => x.employee === ch.employee))
          problems.push({ path: `body.choices[${i}].employee`, message: `${ch.employee} kan ikke ta vakten uten å bryte reglene, eller er ikke ledig / cannot take the shift within the rules, or is not free` });
      });
      const dupes = new Set<string>();
      body.choices.forEach((ch, i) => {
        const k = `${ch.date}|${ch.shift}`;
        if (dupes.has(k)) problems.push({ path: `body.choices[${i}]`, message: 'samme vakt valgt to ganger / the same shift chosen twice' });
        dupes.add(k);
      });
      if (problems.length) throw new ValidationError('ugyldig dekning / invalid cover', problems);

      // The choices together must keep the rules too (e.g. one colleague on two shifts of a day).
      let next: Plan;
      try {
        // Pool staff who take a shift join the plan (with their home unit); the others do not.
        const chosen = new Set(body.choices.flatMap((ch) => (ch.employee ? [ch.employee] : [])));
        const withChosen = { ...pooled.plan, employees: pooled.plan.employees.filter((e) => !pooled.pool.has(e.id) || chosen.has(e.id)) };
        next = confirmCoverForPlan(withChosen, body.absence, body.choices).plan;
      } catch (e) {
        if (e instanceof CoverConflictError) throw new ValidationError('ugyldig dekning / invalid cover', [{ path: 'body.choices', message: e.message }]);
        throw e;
      }

      if (body.absenceId === undefined) {
        // Register the absence in the history too (the forecast learns from it).
        const existing = await repos.absences.listHistory({ employees: [body.absence.employee], from: body.absence.from, to: body.absence.to });
        const same = existing.find((a) => a.from === body.absence.from && a.to === body.absence.to);
        if (!same) await registerAbsence(ctx, principal, auth.unit, body.absence, { actor: c.get('actor') });
      }

      const comp = new Map(pooled.plan.employees.map((e) => [e.id, e.competences?.[0] ?? e.competence ?? null]));
      const actuals = needs
        .filter((n) => !n.predictionShiftLost)
        .map((n) => {
          const ch = body.choices.find((x) => x.date === n.date && x.shift === n.shift);
          const cand = ch && ch.employee !== null ? n.candidates.find((x) => x.employee === ch.employee) : undefined;
          const kind = !ch ? 'uncovered' : ch.employee === null ? 'substitute' : cand!.kind;
          return {
            date: n.date,
            shift: n.shift,
            plannedEmployee: n.absentEmployee,
            actualEmployee: ch?.employee ?? null,
            actualCompetence: ch?.employee ? comp.get(ch.employee) ?? null : null,
            coverKind: kind as (typeof COVER_KINDS)[number],
            substituteName: ch?.employee === null ? ch.substituteName ?? null : null,
            usedPrediction: cand?.had ?? null,
          };
        });
      const actor = c.get('actor');
      const saved = await saveRota(ctx, auth.plan.id, auth.unit.id, next, actor, 'cover.confirm', {
        absent: body.absence.employee,
        from: body.absence.from,
        to: body.absence.to,
        covers: actuals.map((a) => ({ date: a.date, shift: a.shift, by: a.actualEmployee, kind: a.coverKind })),
      });
      await ctx.db.transaction(async (tx) => {
        const repo = new CoverRepository(tx);
        await repo.recordActuals(auth.plan.id, saved.version, principal.userId, actuals);
        for (const a of actuals) {
          if (!a.actualEmployee) continue;
          const fromPd = a.usedPrediction ? ` (i stedet for prediksjonsvakt ${a.usedPrediction})` : '';
          const fromPdEn = a.usedPrediction ? ` (instead of prediction shift ${a.usedPrediction})` : '';
          await repo.notify(a.actualEmployee, auth.plan.id, `Du har fått vakt ${a.shift} ${nbDate(a.date)}${fromPd}.`, `You have been given shift ${a.shift} on ${a.date}${fromPdEn}.`);
        }
        // The hours the cover bought (agency for a substitute, an extra shift or overtime for a colleague): routes/hired.ts.
        await recordCoverHired(tx, { unitId: auth.unit.id, plan: pooled.plan, planId: auth.plan.id, userId: principal.userId, actor, covers: coverHiredFrom(needs, body.choices) });
        if (needs.length)
          await repo.notify(
            body.absence.employee,
            auth.plan.id,
            `Fraværet ditt er registrert. Vaktene dine er dekket: ${needs.map((n) => `${n.shift} ${nbDate(n.date)}`).join(', ')}.`,
            `Your absence is registered. Your shifts are covered: ${needs.map((n) => `${n.shift} ${n.date}`).join(', ')}.`,
          );
      });
      return c.json({ planVersion: saved.version, actuals: actuals.map(({ usedPrediction: _u, ...a }) => a) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/actuals',
      tag: 'cover',
      summary: 'Planned vs actual for every shift of the plan in [from, to] (who actually worked, which competence, how it was covered)',
      query: z.object({ from: LocalDateSchema.optional(), to: LocalDateSchema.optional() }),
      response: z.object({ shifts: z.array(ActualSchema) }),
    },
    async (c, { principal, query }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'absence.manage');
      const plan = await repos.plans.loadPlan(auth.plan.id);
      if (!plan) throw new NotFoundError('plan', auth.plan.id);
      const from = query.from ?? plan.start;
      const to = query.to ?? plan.end;
      const recorded = await cover.listActuals(auth.plan.id, from, to);
      const comp = new Map(plan.employees.map((e) => [e.id, e.competences?.[0] ?? e.competence ?? null]));
      const covered = new Set(recorded.filter((r) => r.actualEmployee).map((r) => `${r.actualEmployee}|${r.date}`));
      const shifts: Array<z.output<typeof ActualSchema>> = [];
      // Shifts in the rota as worked: a cover appears as its recorded row, the rest as planned.
      for (const a of plan.assignments) {
        if (a.date < from || a.date > to || covered.has(`${a.employee}|${a.date}`)) continue;
        shifts.push({ date: a.date, shift: a.shift, plannedEmployee: a.employee, actualEmployee: a.employee, actualCompetence: comp.get(a.employee) ?? null, coverKind: 'planned' });
      }
      for (const r of recorded)
        shifts.push({ date: r.date, shift: r.shift, plannedEmployee: r.plannedEmployee, actualEmployee: r.actualEmployee, actualCompetence: r.actualCompetence, coverKind: r.coverKind, substituteName: r.substituteName ?? null });
      shifts.sort((a, b) => a.date.localeCompare(b.date) || a.shift.localeCompare(b.shift) || (a.plannedEmployee ?? '').localeCompare(b.plannedEmployee ?? ''));
      return c.json({ shifts });
    },
  );

  api.route(
    { method: 'get', path: '/api/me/notices', tag: 'me', summary: 'My notices (changes to my shifts), newest first', response: z.object({ notices: z.array(NoticeSchema) }) },
    async (c, { principal }) => {
      if (!principal.employeeId) throw new ForbiddenError('kontoen er ikke knyttet til en ansatt / the account is not linked to an employee');
      const notices = await cover.listNotices(principal.employeeId);
      return c.json({ notices: notices.map(({ employeeId: _e, ...n }) => n) });
    },
  );

  api.route(
    { method: 'post', path: '/api/me/notices/read', tag: 'me', summary: 'Mark my notices as read', response: z.object({ marked: z.number() }) },
    async (c, { principal }) => {
      if (!principal.employeeId) throw new ForbiddenError('kontoen er ikke knyttet til en ansatt / the account is not linked to an employee');
      return c.json({ marked: await cover.markRead(principal.employeeId) });
    },
  );
}
