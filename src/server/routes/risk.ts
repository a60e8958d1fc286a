/**
 * The risk assessment (forsvarlighetsvurdering) of a plan's saved rota, for whoever may see the
 * plan's hearing: leaders, planners, admins, union and safety representatives (employees 403,
 * another unit 403, unknown 404). It holds names and figures, never absence kinds.
 */
import { z } from 'zod';
import { NotFoundError } from '../../db/errors.js';
import { assessRisk, RISK_SECTION_IDS, type RiskAssessment } from '../../core/risk/index.js';
import { param } from '../api.js';
import { authorizePlan, type ServerContext } from './guard.js';

const Level = z.enum(['green', 'yellow', 'red']);
const Severity = z.enum(['hard', 'soft']);
const Text = z.object({ nb: z.string(), en: z.string() });
const Value = z.union([z.number(), z.string(), z.boolean()]);

const section = <Id extends (typeof RISK_SECTION_IDS)[number], S extends z.ZodRawShape>(id: Id, shape: S) =>
  z.object({ id: z.literal(id), level: Level, title: Text, explanation: Text, sources: z.array(z.string()), ...shape });

const CompetenceTotals = { cellsBelowMin: z.number(), missingMin: z.number(), cellsBelowTarget: z.number(), missingTarget: z.number() };

export const RiskAssessmentSchema = z
  .object({
    unit: z.string(),
    start: z.string(),
    end: z.string(),
    planningForm: z.string(),
    employees: z.number(),
    assignments: z.number(),
    check: z.object({
      hardCount: z.number(),
      softCount: z.number(),
      byRule: z.array(z.object({ rule: z.string(), title: Text, severity: Severity, count: z.number(), reference: z.string() })),
    }),
    overall: z.object({ level: Level, explanation: Text }),
    sections: z.object({
      competence: section('competence', {
        hasDemand: z.boolean(),
        gaps: z.array(
          z.object({
            date: z.string(),
            shift: z.string(),
            competence: z.string().nullable(),
            actual: z.number(),
            min: z.number(),
            target: z.number(),
            missingMin: z.number(),
            missingTarget: z.number(),
            belowMin: z.boolean(),
            rule: z.enum(['PRA-11', 'PRA-13']),
            severity: Severity,
            source: z.string(),
          }),
        ),
        byCompetence: z.array(z.object({ competence: z.string().nullable(), ...CompetenceTotals })),
        totals: z.object(CompetenceTotals),
      }),
      quickReturns: section('quickReturns', {
        minRestHours: z.number(),
        agreementRef: z.string().nullable(),
        events: z.array(
          z.object({
            employee: z.string(),
            employeeName: z.string(),
            fromDate: z.string(),
            fromShift: z.string(),
            toDate: z.string(),
            toShift: z.string(),
            restHours: z.number(),
            kind: z.enum(['breach', 'agreement']),
            eveningToDay: z.boolean(),
            pra01: z.boolean(),
            source: z.string(),
          }),
        ),
        persons: z.array(
          z.object({
            employee: z.string(),
            employeeName: z.string(),
            count: z.number(),
            agreementUses: z.number(),
            breaches: z.number(),
            eveningToDay: z.number(),
            shortestRestHours: z.number(),
          }),
        ),
        totals: z.object({ count: z.number(), agreementUses: z.number(), breaches: z.number(), eveningToDay: z.number(), pra01: z.number(), persons: z.number() }),
      }),
      longShifts: section('longShifts', {
        maxInRow: z.number(),
        persons: z.array(
          z.object({
            employee: z.string(),
            employeeName: z.string(),
            longShifts: z.number(),
            series: z.number(),
            longestSeries: z.number(),
            longestFrom: z.string().nullable(),
            longestTo: z.string().nullable(),
            overLimit: z.number(),
            otherFindings: z.number(),
          }),
        ),
        totals: z.object({ longShifts: z.number(), series: z.number(), longestSeries: z.number(), overLimit: z.number(), otherFindings: z.number(), persons: z.number() }),
      }),
      nights: section('nights', {
        maxInRow: z.number(),
        persons: z.array(
          z.object({
            employee: z.string(),
            employeeName: z.string(),
            nights: z.number(),
            runs: z.number(),
            longestRun: z.number(),
            longestFrom: z.string().nullable(),
            longestTo: z.string().nullable(),
            runsOverLimit: z.number(),
            shortRestAfter: z.number(),
            hardFindings: z.number(),
          }),
        ),
        totals: z.object({ nights: z.number(), longestRun: z.number(), runsOverLimit: z.number(), shortRestAfter: z.number(), hardFindings: z.number(), persons: z.number() }),
      }),
      hours: section('hours', {
        toleranceHours: z.number(),
        persons: z.array(
          z.object({
            employee: z.string(),
            employeeName: z.string(),
            positionPercent: z.number(),
            weeklyNorm: z.number(),
            normBasis: z.string(),
            plannedHours: z.number(),
            requiredHours: z.number(),
            deviationHours: z.number(),
            outside: z.boolean(),
          }),
        ),
        totals: z.object({ plannedHours: z.number(), requiredHours: z.number(), over: z.number(), under: z.number(), absoluteDeviationHours: z.number() }),
      }),
      weekends: section('weekends', {
        frequency: z.number(),
        maxConsecutive: z.number(),
        severity: Severity,
        persons: z.array(
          z.object({
            employee: z.string(),
            employeeName: z.string(),
            weekendsWorked: z.number(),
            weekendsInPeriod: z.number(),
            frequency: z.number(),
            personalFrequency: z.boolean(),
            allowed: z.number(),
            everyNth: z.number().nullable(),
            longestRow: z.number(),
            findings: z.number(),
          }),
        ),
        totals: z.object({ weekendsInPeriod: z.number(), weekendsWorked: z.number(), personsOver: z.number(), findings: z.number() }),
      }),
      agreements: section('agreements', {
        exceptions: z.array(
          z.object({
            path: z.string(),
            label: Text,
            law: z.string(),
            unit: z.string().nullable(),
            defaultValue: Value,
            value: Value,
            direction: z.enum(['relaxed', 'stricter', 'changed']),
            agreementRef: z.string().nullable(),
            rules: z.array(z.string()),
            uses: z.number().nullable(),
          }),
        ),
        problems: z.array(Text),
        totals: z.object({ differing: z.number(), relaxed: z.number(), used: z.number(), uses: z.number() }),
      }),
    }),
  })
  .describe('Risk assessment (forsvarlighetsvurdering) of the saved rota');

// The core's type and the documented schema must stay the same shape (checked by the compiler).
type Documented = z.output<typeof RiskAssessmentSchema>;
const _sameShape: [RiskAssessment extends Documented ? true : false, Documented extends RiskAssessment ? true : false] = [true, true];
void _sameShape;

export function riskRoutes(ctx: ServerContext): void {
  ctx.api.route(
    {
      method: 'get',
      path: '/api/plans/:id/risk',
      tag: 'hearing',
      summary: 'Risk assessment (forsvarlighetsvurdering) of the plan’s saved rota: traffic lights per section, figures and legal sources',
      description:
        'Competence gaps per shift, quick returns (rest < 11 h, and every use of a local agreement allowing less), long-shift series, nights in a row, hours against position, weekend frequency, and every local-agreement exception with the times the rota uses it. For leaders, planners and union/safety representatives (as the hearing); no absence kinds.',
      response: RiskAssessmentSchema,
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'hearing.comment');
      const plan = await ctx.repos.plans.loadPlan(auth.plan.id);
      if (!plan) throw new NotFoundError('plan', auth.plan.id);
      return c.json(assessRisk(plan));
    },
  );
}
