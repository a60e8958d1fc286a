/**
 * A unit's absences: import of the history (CSV or .xlsx, line-by-line report), the history
 * list, registering one absence, my own registered absences, and the absence forecast. The
 * logic is in ../absences.ts; these handlers only authorize, read the request and answer.
 */
import { z } from 'zod';
import { LocalDateSchema } from '../../core/model/primitives.js';
import { addDays, daysBetween } from '../../core/time/localDate.js';
import { ABSENCE_SOURCES } from '../../db/repositories.js';
import { AbsenceFileError, absenceFileToCsv, XLSX_MIME } from '../absenceFile.js';
import { ForecastUnavailableError, HISTORY_KINDS, historyView, importAbsenceHistory, registerAbsence, RegisterAbsenceBody, todayInOslo, unitForecast } from '../absences.js';
import { param } from '../api.js';
import { errorBody } from '../errors.js';
import { ForecastRunner, ForecastTimeoutError } from '../forecastRunner.js';
import { authorizeUnit, unitOrThrow, type ServerContext } from './guard.js';

export const StoredAbsenceSchema = z.object({
  id: z.number().int(),
  employee: z.string(),
  unitId: z.string().nullable(),
  planId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  kind: z.string(),
  source: z.enum(ABSENCE_SOURCES),
  registeredBy: z.string().nullable(),
});

const ImportResponse = z.object({
  lines: z.number().int().describe('Absence lines in the file'),
  inserted: z.number().int().describe('Absences stored'),
  skipped: z.number().int().describe('Lines identical to an absence already stored (not stored again)'),
  employees: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

const HistoryQuery = z
  .object({
    from: LocalDateSchema.optional().describe('Default: 365 days before today'),
    to: LocalDateSchema.optional().describe('Default: 60 days after today'),
  })
  .strict();

const HistoryResponse = z.object({
  kindsVisible: z.boolean().describe('false for representatives: the kind is then null'),
  absences: z.array(
    z.object({
      id: z.number().int(),
      employee: z.string(),
      employeeName: z.string(),
      from: z.string(),
      to: z.string(),
      kind: z.enum([...HISTORY_KINDS, 'vacation', 'parental_leave', 'course']).nullable(),
      source: z.enum(ABSENCE_SOURCES),
    }),
  ),
});

const ForecastQuery = z
  .object({
    from: LocalDateSchema.optional().describe('First forecast day (default: today in Europe/Oslo)'),
    days: z.coerce.number().int().min(1).max(182).default(28).describe('Days to forecast (1–182)'),
  })
  .strict();

const ForecastResponse = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  days: z.number().int(),
  staff: z.number().describe('Persons employed, the exposure'),
  staffEstimated: z.boolean(),
  historyStart: z.string(),
  historyEnd: z.string(),
  spellsUsed: z.number().int(),
  calibrationOrigins: z.number().int(),
  rows: z
    .array(
      z.object({
        date: z.string(),
        mean: z.number().describe('Expected persons absent (every kind except leave)'),
        p10: z.number().describe('Lower bound of the calibrated 80 % interval'),
        p50: z.number().describe('Calibrated median'),
        p90: z.number().describe('Upper bound of the calibrated 80 % interval'),
        ongoing: z.number().describe('Expected absent from spells already running'),
      }),
    )
    .describe('One row per forecast day'),
  history: z.array(z.object({ date: z.string(), absent: z.number().int() })).describe('Persons absent per day in the 12 weeks before `from` (every kind except leave)'),
  byShift: z
    .object({
      planId: z.string(),
      planName: z.string(),
      rows: z.array(z.object({ date: z.string(), shift: z.string(), competence: z.string().nullable(), planned: z.number(), mean: z.number() })),
    })
    .nullable()
    .describe("The forecast split by the staffing plan's shifts (assumes absence does not depend on the shift)"),
  warnings: z.array(z.string()).describe('"bokmål / English"'),
});

export function absenceRoutes(ctx: ServerContext): void {
  const { api } = ctx;
  const runner = new ForecastRunner();

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/absences/import',
      tag: 'absences',
      summary: 'Import absence history from a CSV or Excel (.xlsx) file (leaders, planners; audit-logged)',
      description:
        'The body is the file itself (text/csv, or an .xlsx workbook whose first sheet has the same columns), or multipart/form-data with the file in `file`. ' +
        'Columns: employee,unit,from,to,type (type: self_certified, doctor_certified, sick_child, leave); diagnosis or cause columns are refused. ' +
        'All-or-nothing: any problem (format, unknown employee, another unit, a date in the future or not in the calendar, overlaps in the file or with stored absences) ' +
        'gives 400 with every problem as `{ line, field, reason }` and nothing is stored. A line identical to a stored absence is skipped. At most 5 MB (413).',
      consumes: ['text/csv', XLSX_MIME, 'multipart/form-data'],
      response: ImportResponse,
      status: 201,
      errorStatuses: [413, 415],
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'absence.manage');
      let contentType = c.req.header('content-type') ?? '';
      let bytes: Uint8Array;
      if (contentType.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        const file = form['file'];
        if (!(file instanceof File)) return c.json(errorBody('body.file', 'mangler filen i feltet «file» / missing the file in the field "file"'), 400);
        bytes = new Uint8Array(await file.arrayBuffer());
        contentType = file.type;
      } else bytes = new Uint8Array(await c.req.arrayBuffer());
      let file: Awaited<ReturnType<typeof absenceFileToCsv>>;
      try {
        file = await absenceFileToCsv(bytes, contentType);
      } catch (e) {
        if (e instanceof AbsenceFileError) return c.json(errorBody('body', e.message), e.status);
        throw e;
      }
      const out = await importAbsenceHistory(ctx, unit, principal, c.get('actor'), file.text, { format: file.format });
      if (!out.ok) return c.json({ errors: out.errors.map((e) => ({ path: `lines[${e.line}].${e.field}`, message: `linje ${e.line}, ${e.field}: ${e.reason}`, ...e })) }, 400);
      const { ok: _ok, ...counts } = out;
      return c.json(counts, 201);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/units/:id/absences',
      tag: 'absences',
      summary: "The unit's absence history overlapping [from, to] (leaders and planners with kinds; representatives without)",
      query: HistoryQuery,
      response: HistoryResponse,
    },
    async (c, { principal, query }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'absence.history');
      const today = todayInOslo();
      const from = query.from ?? addDays(today, -365);
      const to = query.to ?? addDays(today, 60);
      if (to < from) return c.json(errorBody('query.to', 'til-dato er før fra-dato / to is before from'), 400);
      if (daysBetween(from, to) > 5 * 366) return c.json(errorBody('query.to', 'høyst fem år om gangen / at most five years at a time'), 400);
      return c.json(await historyView(ctx, principal, unit, { from, to }));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/absences',
      tag: 'absences',
      summary: 'Register one absence: leaders and planners for anyone in the unit, an employee only for themself (audit-logged)',
      description:
        'An employee may leave out `employee` (their own id from the session) and may report sickness only (not leave), at most 14 days back. ' +
        'Sickness cannot start after tomorrow; self-certified sick leave covers at most 8 days. 409 when it overlaps an absence of the same person.',
      body: RegisterAbsenceBody,
      response: z.object({ absence: StoredAbsenceSchema }),
      status: 201,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const unit = await unitOrThrow(ctx, param(c));
      const absence = await registerAbsence(ctx, principal, unit, body, { actor: c.get('actor') });
      c.header('Location', `/api/units/${encodeURIComponent(unit.id)}/absences?from=${absence.from}&to=${absence.to}`);
      return c.json({ absence }, 201);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/me/absences',
      tag: 'me',
      summary: 'My registered absences from 90 days back (the session’s employee)',
      response: z.object({ absences: z.array(StoredAbsenceSchema) }),
    },
    async (c, { principal }) => {
      if (!principal.employeeId) return c.json({ absences: [] });
      const absences = await ctx.repos.absences.listHistory({ employees: [principal.employeeId], from: addDays(todayInOslo(), -90) });
      return c.json({ absences });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/units/:id/forecast',
      tag: 'absences',
      summary: 'Absence forecast of the unit: expected persons absent per day with the calibrated 80 % interval, beside the last 12 weeks (leaders and planners)',
      description:
        'Runs the NB model (src/forecast) on the unit’s stored history in a worker thread. 422 when the history cannot give a forecast ' +
        '(none, or less than 8 weeks before `from`); 503 when it takes too long.',
      query: ForecastQuery,
      response: ForecastResponse,
      errorStatuses: [422, 503],
    },
    async (c, { principal, query }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'absence.forecast');
      try {
        return c.json(await unitForecast(ctx, runner, unit, { from: query.from, days: query.days }));
      } catch (e) {
        if (e instanceof ForecastUnavailableError) return c.json(errorBody('(rot)', e.message), 422);
        if (e instanceof ForecastTimeoutError) return c.json(errorBody('(rot)', e.message), 503);
        throw e;
      }
    },
  );
}
