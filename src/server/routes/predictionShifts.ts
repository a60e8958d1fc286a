/**
 * Prediction shifts (prediksjonsvakter) for a plan: the unit's absence forecast over the plan's
 * period (from its stored history, in a worker thread), sized per pooled day or per slot with the
 * newsvendor rule at the unit's two costs, and — on request, for a draft — put into the plan
 * (prediction shift types, staffing-plan lines, part-time positions raised towards what their
 * holders asked for) as the next version, for the rota engine to place.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Plan } from '../../core/model/plan.js';
import { daysBetween } from '../../core/time/localDate.js';
import { withPredictionShifts } from '../../engine/predictionShifts.js';
import { NotFoundError } from '../../db/errors.js';
import { param } from '../api.js';
import { ForecastFailedError, ForecastRunner } from '../forecastRunner.js';
import { ForecastUnavailableError, historySpells } from '../absences.js';
import { errorBody, StateError } from '../errors.js';
import { saveRota } from './plans.js';
import { authorizePlan, type ServerContext } from './guard.js';

const Body = z
  .object({
    unusedCost: z.number().min(0.01).max(10).default(0.5).describe('Co: cost of an unused prediction shift, in shift wages (its wage less its value on the floor)'),
    shortNoticeCost: z.number().min(0.01).max(10).default(0.75).describe('Cu: extra cost of covering an absence at short notice (premium, call round, mismatch), in shift wages'),
    pooling: z
      .enum(['shift', 'day', 'slot'])
      .default('shift')
      .describe('shift: one pool per shift code and day, over the competences (default: the holder steps into an absence on the same shift); day: the whole unit per day (the holder must be able to take any shift); slot: each shift and competence alone'),
    apply: z.boolean().default(false).describe('Put the prediction shifts into the plan (drafts only) as the next version'),
    baseVersion: z.number().int().min(1).optional(),
  })
  .strict();

const Response = z.object({
  ratio: z.number(),
  shifts: z.number(),
  hours: z.number(),
  expectedAbsentShifts: z.number(),
  costWithout: z.number(),
  costWith: z.number(),
  days: z.array(z.object({ date: z.string(), count: z.number(), expectedAbsent: z.number() })),
  slots: z.array(z.object({ date: z.string(), shift: z.string(), competence: z.string().nullable(), count: z.number(), expectedAbsent: z.number(), probUsed: z.array(z.number()) })),
  positionChanges: z.array(z.object({ employee: z.string(), name: z.string(), from: z.number(), to: z.number() })),
  unabsorbedHours: z.number(),
  applied: z.boolean(),
  planVersion: z.number(),
  warnings: z.array(z.string()),
});

/** The plan without earlier prediction-shift lines (a new sizing replaces them). */
function withoutPredictionLines(plan: Plan): Plan {
  const pred = new Set(plan.shiftTypes.filter((s) => s.predictionFor !== undefined).map((s) => s.code));
  return { ...plan, demand: plan.demand.filter((d) => !pred.has(d.shift)) };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function predictionShiftRoutes(ctx: ServerContext): void {
  const { api, repos } = ctx;
  const runner = new ForecastRunner();

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/prediction-shifts',
      tag: 'absence',
      summary: "Recommended prediction shifts for the plan's period (newsvendor on the calibrated absence forecast); with apply, put them into the draft",
      body: Body,
      response: Response,
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.edit');
      const loaded = await repos.plans.loadPlan(auth.plan.id);
      if (!loaded) throw new NotFoundError('plan', auth.plan.id);
      if (body.apply) {
        if (auth.plan.status !== 'draft') throw new StateError('prediksjonsvakter legges inn i et utkast / prediction shifts go into a draft', 'status');
        if (ctx.jobs.isRunning(auth.plan.id)) throw new StateError('turnusen genereres nå / the rota is being generated');
        if (body.baseVersion !== auth.plan.version)
          throw new StateError(`planen er endret siden versjon ${body.baseVersion ?? '?'} (nå ${auth.plan.version}) / the plan changed since version ${body.baseVersion ?? '?'}`, 'baseVersion');
      }
      const plan = withoutPredictionLines(loaded);
      const days = daysBetween(plan.start, plan.end) + 1;
      if (days > 366) return c.json(errorBody('(rot)', 'planen er lengre enn ett år / the plan is longer than a year'), 422);
      let hist;
      try {
        hist = await historySpells(ctx, auth.unit, plan.start);
      } catch (e) {
        if (e instanceof ForecastUnavailableError) return c.json(errorBody('(rot)', e.message), 422);
        throw e;
      }
      const costs = { unusedCost: body.unusedCost, shortNoticeCost: body.shortNoticeCost };
      const employed = plan.employees.length;
      const key = createHash('sha256');
      key.update(JSON.stringify(['prediction', auth.unit.id, plan.start, days, employed, costs, body.pooling, plan.demand]));
      for (const a of hist.stored) key.update(`|${a.id},${a.employee},${a.from},${a.to},${a.kind}`);
      let result;
      try {
        result = await runner.run(key.digest('hex'), () => ({
          spells: hist.spells,
          request: { unit: auth.unit.id, from: plan.start, days, staff: employed },
          prediction: { demand: plan.demand, employed, costs, pooling: body.pooling },
        }));
      } catch (e) {
        if (e instanceof ForecastFailedError && e.inputError) return c.json(errorBody('(rot)', `prognosen kan ikke lages av denne historikken / the forecast cannot be made from this history: ${e.message}`), 422);
        throw e;
      }
      const sizing = result.prediction!;
      const pp = withPredictionShifts(plan, sizing.slots);
      const warnings: string[] = [];
      if (hist.span < 365) warnings.push(`historikken dekker bare ${hist.span} dager / the history covers only ${hist.span} days`);
      if (pp.unabsorbedHours > 0.5)
        warnings.push(
          `${Math.round(pp.unabsorbedHours)} timer prediksjonsvakter får ikke plass i stillinger noen har ønsket økt; de legges på eksisterende stillinger / ${Math.round(pp.unabsorbedHours)} hours of prediction shifts do not fit positions anyone asked to enlarge; they fall on positions as they are`,
        );
      if (sizing.slots.length === 0)
        warnings.push('ved disse kostnadene lønner ingen prediksjonsvakt seg / at these costs no prediction shift pays off');
      let version = auth.plan.version;
      if (body.apply) {
        const saved = await saveRota(ctx, auth.plan.id, auth.unit.id, pp.plan, c.get('actor'), 'plan.predictionShifts', {
          shifts: pp.shifts,
          hours: r2(pp.hours),
          costs,
          pooling: body.pooling,
          positionChanges: pp.positionChanges,
        });
        version = saved.version;
      }
      const name = new Map(plan.employees.map((e) => [e.id, e.name]));
      return c.json({
        ratio: r2(sizing.ratio),
        shifts: pp.shifts,
        hours: r2(pp.hours),
        expectedAbsentShifts: r2(sizing.days.reduce((a, d) => a + d.expectedAbsent, 0)),
        costWithout: r2(sizing.days.reduce((a, d) => a + d.costWithout, 0)),
        costWith: r2(sizing.days.reduce((a, d) => a + d.costWith, 0)),
        days: sizing.days.map((d) => ({ date: d.date, count: d.count, expectedAbsent: r2(d.expectedAbsent) })),
        slots: sizing.slots.map((s) => ({ ...s, expectedAbsent: r2(s.expectedAbsent), probUsed: s.probUsed.map(r2) })),
        positionChanges: pp.positionChanges.map((p) => ({ ...p, name: name.get(p.employee) ?? p.employee })),
        unabsorbedHours: r2(pp.unabsorbedHours),
        applied: body.apply,
        planVersion: version,
        warnings,
      });
    },
  );
}
