/**
 * Request and response schemas of the API (zod). The routes validate with them and the
 * OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { AssignmentSchema } from '../core/model/plan.js';
import { LocalDateSchema } from '../core/model/primitives.js';
import { PLAN_STATUSES } from '../db/repositories.js';
import { ROLES } from '../db/userRepository.js';
import { PERMISSIONS } from './auth/permissions.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(200),
});

export const RoleGrantSchema = z.object({ role: z.enum(ROLES), unitId: z.string().nullable() });

export const UnitAccessSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const SessionResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    employeeId: z.string().nullable(),
    roles: z.array(RoleGrantSchema),
    passwordChangeRequired: z.boolean().optional().describe('Signed in with a one-time password: choose one (POST /api/me/password)'),
  }),
  csrfToken: z.string(),
  units: z.array(UnitAccessSchema),
});

export const UnitSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  kind: z.string(),
  serviceArea: z.string().nullable(),
  beds: z.number().nullable(),
});

export const PlanSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  planningForm: z.string(),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  employeeCount: z.number().int(),
  assignmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SavePlanQuery = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
  })
  .strict();

export const AssignmentsBody = z.object({
  /** The plan version the edit started from; a newer stored version is a conflict (409). */
  baseVersion: z.number().int().min(1),
  assignments: z.array(AssignmentSchema).max(20_000),
});

export const PreviewBody = z.object({ assignments: z.array(AssignmentSchema).max(20_000) });

export const StatusBody = z.object({
  status: z.enum(PLAN_STATUSES),
  comment: z.string().trim().max(2000).optional(),
});

export const GenerateBody = z.object({
  seconds: z.number().min(1).max(600).default(20).describe('Time budget for the search in seconds'),
});

export const JobSchema = z.object({
  id: z.string(),
  planId: z.string(),
  status: z.enum(['running', 'saving', 'done', 'cancelled', 'failed']),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  seconds: z.number(),
  fraction: z.number(),
  elapsedMs: z.number(),
  iterations: z.number(),
  best: z.object({ hard: z.number(), soft: z.number() }).nullable(),
  version: z.number().nullable(),
  hardCount: z.number().nullable(),
  softCount: z.number().nullable(),
  error: z.string().nullable(),
});

export const WishRoundBody = z.object({
  open: z.boolean(),
  deadline: LocalDateSchema.nullable().optional(),
});

export const WishRoundSchema = z.object({
  planId: z.string(),
  isOpen: z.boolean(),
  deadline: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});

export const WishFormBody = z.object({
  wishes: z
    .array(
      z.object({
        date: LocalDateSchema,
        shift: z.string().min(1).max(8).nullable().describe('Shift code, or null for the whole day'),
        kind: z.enum(['want', 'avoid']).describe('want + shift: that shift; want + null: a day off; avoid + shift: not that shift; avoid + null: not working'),
        weight: z.number().min(0).max(10).default(1),
      }),
    )
    .max(400),
  desiredPositionPercent: z.number().gt(0).max(100).nullable().optional(),
  longShifts: z.enum(['yes', 'no', 'indifferent']).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  preferredWeekends: z
    .array(LocalDateSchema)
    .max(60)
    .nullable()
    .optional()
    .describe('Weekend preference: the Saturdays of the weekends I would rather work (the others become weak wishes to be free)'),
});

export const CommentBody = z.object({
  body: z.string().trim().min(1).max(4000),
  employee: z.string().min(1).max(64).nullable().optional().describe('Employee id when the comment is about one person'),
});

export const ApprovalBody = z.object({
  role: z.enum(['union_rep', 'safety_rep']).optional().describe('The role you approve in, when you hold both'),
  comment: z.string().trim().max(4000).optional(),
});

export const ViolationSchema = z.object({
  rule: z.string(),
  severity: z.enum(['hard', 'soft']),
  title: z.string(),
  titleEn: z.string(),
  employee: z.string().nullable(),
  employeeName: z.string().nullable(),
  dates: z.array(z.string()),
  measured: z.number(),
  limit: z.number(),
  unit: z.string(),
  message: z.string(),
  messageEn: z.string(),
  reference: z.string(),
});

const EmployeeRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  competence: z.string().nullable(),
  competences: z.array(z.string()),
  positionPercent: z.number(),
  cells: z.array(z.string().nullable()),
  absences: z.array(z.string().nullable()),
  plannedHours: z.number(),
  positionHours: z.number().nullable(),
  wishesMet: z.number().nullable(),
  wishesTotal: z.number().nullable(),
  hardCount: z.number(),
  softCount: z.number(),
});

const WishViewSchema = z.object({ employee: z.string(), date: z.string(), shift: z.string().nullable(), kind: z.enum(['want', 'avoid']), weight: z.number(), met: z.boolean() });

const CoverageCellSchema = z.object({ min: z.number(), target: z.number(), actual: z.number() }).nullable();

export const PlanGridSchema = z.object({
  access: z.enum(['full', 'hearing', 'published']),
  start: z.string(),
  end: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number(),
      isoWeek: z.number(),
      weekend: z.boolean(),
      red: z.boolean(),
      holiday: z.string().nullable(),
      holidayEn: z.string().nullable(),
    }),
  ),
  shiftTypes: z.array(z.object({ code: z.string(), name: z.string(), start: z.string(), end: z.string(), category: z.string(), hours: z.number() })),
  employees: z.array(EmployeeRowSchema),
  wishes: z.array(WishViewSchema),
  coverage: z.array(
    z.object({
      shift: z.string(),
      competence: z.string().nullable(),
      days: z.array(CoverageCellSchema),
    }),
  ),
  violations: z.array(ViolationSchema),
  hardCount: z.number(),
  softCount: z.number(),
  assignments: z.array(AssignmentSchema),
  checkToken: z.string().optional().describe('Editors: the token of the server’s check of this rota, for POST /api/plans/:id/recheck'),
});

const CellSchema = z.object({ employee: z.string().min(1).max(200), date: LocalDateSchema });

export const RecheckBody = z.object({
  token: z.string().min(1).max(100).describe('checkToken of the grid the edits start from (from …/page or …/preview)'),
  changes: z
    .array(CellSchema.extend({ shift: z.string().min(1).nullable() }))
    .max(20_000)
    .describe('every cell that now differs from that grid: the shift code, or null for a free day'),
  edited: z.array(CellSchema).max(20_000).describe('the cells edited since the last answer the page applied: their employees and days are answered'),
});

export const GridPatchSchema = z.object({
  employees: z.array(EmployeeRowSchema).describe('the rows of the edited employees'),
  dates: z.array(z.string()).describe('the edited days: their unit-level violations and coverage are replaced'),
  violations: z.array(ViolationSchema).describe('every violation of the edited employees and the unit-level ones on the edited days'),
  wishes: z.array(WishViewSchema).describe('the wishes of the edited employees'),
  coverage: z.array(z.array(CoverageCellSchema)).describe('coverage[k][j]: coverage row k of the grid on dates[j]'),
  hardCount: z.number(),
  softCount: z.number(),
});

export const CommentSchema = z.object({
  id: z.number(),
  planId: z.string(),
  planVersion: z.number(),
  userId: z.string(),
  author: z.string(),
  role: z.string(),
  employeeId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const ApprovalSchema = z.object({
  id: z.number(),
  planId: z.string(),
  planVersion: z.number(),
  userId: z.string(),
  approver: z.string(),
  role: z.string(),
  comment: z.string().nullable(),
  approvedAt: z.string(),
});

export const PlanPageResponse = z.object({
  plan: PlanSummarySchema,
  unit: UnitSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  roles: z.array(z.enum(ROLES)),
  wishRound: WishRoundSchema.nullable(),
  job: JobSchema.nullable(),
  view: PlanGridSchema,
});

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const MyShiftSchema = z.object({
  planId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  code: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  hours: z.number(),
  category: z.string(),
});

export const MyRotaResponse = z.object({
  employee: z.object({ id: z.string(), name: z.string() }).nullable(),
  plans: z.array(z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), start: z.string(), end: z.string(), version: z.number() })),
  shifts: z.array(MyShiftSchema),
  absences: z.array(z.object({ date: z.string(), kind: z.string() })),
  wishes: z.array(z.object({ date: z.string(), shift: z.string().nullable(), kind: z.enum(['want', 'avoid']), met: z.boolean() })),
  days: z.array(z.object({ date: z.string(), red: z.boolean(), holiday: z.string().nullable(), holidayEn: z.string().nullable() })),
});

export const WishFormSchema = z.object({
  plan: z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), start: z.string(), end: z.string(), status: z.string() }),
  round: WishRoundSchema,
  shiftTypes: z.array(z.object({ code: z.string(), name: z.string(), start: z.string(), end: z.string(), category: z.string() })),
  days: z.array(z.object({ date: z.string(), weekday: z.number(), isoWeek: z.number(), red: z.boolean(), holiday: z.string().nullable(), holidayEn: z.string().nullable() })),
  wishes: z.array(z.object({ date: z.string(), shift: z.string().nullable(), kind: z.enum(['want', 'avoid']), weight: z.number() })),
  submission: z
    .object({
      submittedAt: z.string(),
      wishCount: z.number(),
      desiredPositionPercent: z.number().nullable(),
      longShifts: z.enum(['yes', 'no', 'indifferent']).nullable(),
      note: z.string().nullable(),
      preferredWeekends: z.array(z.string()).nullable(),
    })
    .nullable(),
  canWorkLongShifts: z.boolean(),
});
