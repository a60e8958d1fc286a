/**
 * The employee's own pages: my rota (published plans only), its iCal export, and the wish
 * forms of open wish rounds. Everything is keyed by the session's employee id — there is
 * no parameter that could name somebody else.
 */
import { z } from 'zod';
import { buildContext } from '../../core/eval/context.js';
import { holidayOn } from '../../core/calendar/holidays.js';
import { isWeekendPreferenceWish } from '../../core/model/weekendPreference.js';
import type { Principal } from '../auth/permissions.js';
import { rolesFor } from '../auth/permissions.js';
import { icalendar, type IcalShift } from '../ical.js';
import { planGridView } from '../planView.js';
import { MyRotaResponse, WishFormSchema } from '../schemas.js';
import type { ServerContext } from './guard.js';

interface MyPlanRow {
  id: string;
  name: string;
  unit_id: string;
  unit_name: string;
  organisation_id: string;
  start_date: string;
  end_date: string;
  status: string;
  version: number;
}

async function myPlans(ctx: ServerContext, p: Principal, statuses: string[]): Promise<MyPlanRow[]> {
  if (!p.employeeId) return [];
  const r = await ctx.db.query<MyPlanRow>(
    `select p.id, p.name, p.unit_id, u.name as unit_name, u.organisation_id, p.start_date, p.end_date, p.status, p.version
     from plan_employees pe join plans p on p.id = pe.plan_id join units u on u.id = p.unit_id
     where pe.employee_id = $1 and p.status = any($2::text[]) and u.organisation_id = $3 order by p.start_date`,
    [p.employeeId, statuses, p.organisationId],
  );
  // Only plans of units where the person is an employee.
  return r.rows.filter((row) => rolesFor(p, row.unit_id).includes('employee'));
}

async function myRota(ctx: ServerContext, p: Principal) {
  const plans = await myPlans(ctx, p, ['published']);
  const shifts: z.infer<typeof MyRotaResponse>['shifts'] = [];
  const absences: Array<{ date: string; kind: string }> = [];
  const wishes: z.infer<typeof MyRotaResponse>['wishes'] = [];
  const days: z.infer<typeof MyRotaResponse>['days'] = [];
  let employee: { id: string; name: string } | null = null;
  for (const row of plans) {
    const plan = await ctx.repos.plans.loadPlan(row.id);
    if (!plan) continue;
    const view = planGridView(plan, 'published', p.employeeId);
    const me = view.employees.find((e) => e.id === p.employeeId);
    if (!me) continue;
    employee = { id: me.id, name: me.name };
    const byCode = new Map(view.shiftTypes.map((s) => [s.code, s]));
    view.days.forEach((d, i) => {
      days.push({ date: d.date, red: d.red, holiday: d.holiday, holidayEn: d.holidayEn });
      const code = me.cells[i];
      if (code) {
        const st = byCode.get(code)!;
        shifts.push({ planId: row.id, unitId: row.unit_id, unitName: row.unit_name, date: d.date, code, name: st.name, start: st.start, end: st.end, hours: st.hours, category: st.category });
      }
      if (me.absences[i]) absences.push({ date: d.date, kind: me.absences[i]! });
    });
    for (const w of view.wishes) if (w.employee === p.employeeId) wishes.push({ date: w.date, shift: w.shift, kind: w.kind, met: w.met });
  }
  return {
    employee,
    plans: plans.map((r) => ({ id: r.id, name: r.name, unitId: r.unit_id, unitName: r.unit_name, start: r.start_date, end: r.end_date, version: r.version })),
    shifts,
    absences,
    wishes,
    days,
  };
}

export function meRoutes(ctx: ServerContext): void {
  const { api, workflow, repos } = ctx;

  api.route({ method: 'get', path: '/api/me/rota', tag: 'me', summary: 'My shifts, absences and wish results in published plans', response: MyRotaResponse }, async (c, { principal }) =>
    c.json(await myRota(ctx, principal)),
  );

  api.route(
    { method: 'get', path: '/api/me/rota.ics', tag: 'me', summary: 'My published shifts as an iCalendar file', produces: 'text/calendar' },
    async (c, { principal }) => {
      const rota = await myRota(ctx, principal);
      const events: IcalShift[] = rota.shifts.map((s) => ({ planId: s.planId, date: s.date, code: s.code, name: s.name, start: s.start, end: s.end, unitName: s.unitName }));
      const body = icalendar(events, { calendarName: `Turnus – ${rota.employee?.name ?? principal.displayName}`, host: new URL(c.req.url).hostname });
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="turnus.ics"',
        'cache-control': 'no-store',
      });
    },
  );

  api.route(
    { method: 'get', path: '/api/me/wish-forms', tag: 'me', summary: 'Wish forms I can fill in: plans I am in with an open wish round', response: z.object({ forms: z.array(WishFormSchema) }) },
    async (c, { principal }) => {
      const forms: Array<z.infer<typeof WishFormSchema>> = [];
      for (const row of await myPlans(ctx, principal, ['draft'])) {
        const round = await workflow.getWishRound(row.id);
        if (!round?.isOpen) continue;
        const plan = await repos.plans.loadPlan(row.id);
        if (!plan) continue;
        const pctx = buildContext(plan);
        const me = plan.employees.find((e) => e.id === principal.employeeId)!;
        const sub = (await workflow.listSubmissions(row.id, principal.employeeId!))[0];
        forms.push({
          plan: { id: row.id, name: row.name, unitId: row.unit_id, unitName: row.unit_name, start: row.start_date, end: row.end_date, status: row.status },
          round,
          shiftTypes: pctx.shiftTypes.map((s) => ({ code: s.code, name: s.name, start: plan.shiftTypes[s.idx].start, end: plan.shiftTypes[s.idx].end, category: s.category })),
          days: pctx.days.map((d) => {
            const h = holidayOn(d.date);
            return { date: d.date, weekday: d.weekday, isoWeek: d.isoWeek, red: d.isRed, holiday: h?.nameNb ?? null, holidayEn: h?.nameEn ?? null };
          }),
          // The form shows the weekend preference as such, not the weak wishes it stands for.
          wishes: plan.wishes
            .filter((w) => w.employee === principal.employeeId && !isWeekendPreferenceWish(w, sub?.preferredWeekends ?? null))
            .map((w) => ({ date: w.date, shift: w.shift, kind: w.kind, weight: w.weight })),
          submission: sub
            ? { submittedAt: sub.submittedAt, wishCount: sub.wishCount, desiredPositionPercent: sub.desiredPositionPercent, longShifts: sub.longShifts, note: sub.note, preferredWeekends: sub.preferredWeekends }
            : null,
          canWorkLongShifts: me.canWorkLongShifts ?? true,
        });
      }
      return c.json({ forms });
    },
  );
}
