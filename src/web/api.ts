/**
 * The browser's side of the API: JSON in and out, the session cookie goes along by itself
 * (same origin), and every call that changes something carries the CSRF token.
 */

export type Role = 'admin' | 'leader' | 'planner' | 'employee' | 'union_rep' | 'safety_rep';
export type PlanStatus = 'draft' | 'hearing' | 'approved' | 'published';

export interface UnitAccess {
  id: string;
  name: string;
  kind: string;
  roles: Role[];
  permissions: string[];
}

export interface Session {
  user: { id: string; username: string; displayName: string; employeeId: string | null; roles: Array<{ role: Role; unitId: string | null }>; passwordChangeRequired?: boolean };
  csrfToken: string;
  units: UnitAccess[];
}

export interface PlanSummary {
  id: string;
  unitId: string;
  name: string;
  start: string;
  end: string;
  planningForm: string;
  status: PlanStatus;
  version: number;
  employeeCount: number;
  assignmentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Violation {
  rule: string;
  severity: 'hard' | 'soft';
  title: string;
  titleEn: string;
  employee: string | null;
  employeeName: string | null;
  dates: string[];
  measured: number;
  limit: number;
  unit: string;
  message: string;
  messageEn: string;
  reference: string;
}

export interface Day {
  date: string;
  weekday: number;
  isoWeek: number;
  weekend: boolean;
  red: boolean;
  holiday: string | null;
  holidayEn: string | null;
}

export interface ShiftType {
  code: string;
  name: string;
  start: string;
  end: string;
  category: string;
  hours: number;
}

export interface EmployeeRow {
  id: string;
  name: string;
  competence: string | null;
  competences: string[];
  positionPercent: number;
  cells: Array<string | null>;
  absences: Array<string | null>;
  plannedHours: number;
  positionHours: number | null;
  wishesMet: number | null;
  wishesTotal: number | null;
  hardCount: number;
  softCount: number;
}

export interface Wish {
  employee: string;
  date: string;
  shift: string | null;
  kind: 'want' | 'avoid';
  weight: number;
  met: boolean;
}

export interface CoverageRow {
  shift: string;
  competence: string | null;
  days: Array<{ min: number; target: number; actual: number } | null>;
}

export interface Assignment {
  employee: string;
  date: string;
  shift: string;
}

export interface GridView {
  access: 'full' | 'hearing' | 'published';
  start: string;
  end: string;
  days: Day[];
  shiftTypes: ShiftType[];
  employees: EmployeeRow[];
  wishes: Wish[];
  coverage: CoverageRow[];
  violations: Violation[];
  hardCount: number;
  softCount: number;
  assignments: Assignment[];
  /** Editors: names the server's check of this rota, for the instant re-check of edits (POST …/recheck). */
  checkToken?: string;
}

/** What changed in the grid after edits (POST /api/plans/:id/recheck), for the edited employees and days. */
export interface GridPatch {
  /** The rows of the edited employees. */
  employees: EmployeeRow[];
  /** The edited days: their unit-level violations and coverage are replaced. */
  dates: string[];
  /** Every violation of the edited employees and the unit-level ones on the edited days. */
  violations: Violation[];
  /** The wishes of the edited employees. */
  wishes: Wish[];
  /** coverage[k][j]: coverage row k of the grid on dates[j]. */
  coverage: Array<CoverageRow['days']>;
  hardCount: number;
  softCount: number;
}

export interface Job {
  id: string;
  planId: string;
  status: 'running' | 'saving' | 'done' | 'cancelled' | 'failed';
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  seconds: number;
  fraction: number;
  elapsedMs: number;
  iterations: number;
  best: { hard: number; soft: number } | null;
  version: number | null;
  hardCount: number | null;
  softCount: number | null;
  error: string | null;
}

export interface WishRound {
  planId: string;
  isOpen: boolean;
  deadline: string | null;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
}

export interface PlanPage {
  plan: PlanSummary;
  unit: { id: string; name: string; kind: string; organisationId: string };
  permissions: string[];
  roles: Role[];
  wishRound: WishRound | null;
  job: Job | null;
  view: GridView;
}

export interface Comment {
  id: number;
  planVersion: number;
  author: string;
  role: string;
  employeeId: string | null;
  body: string;
  createdAt: string;
}

export interface Approval {
  id: number;
  userId: string;
  planVersion: number;
  approver: string;
  role: string;
  comment: string | null;
  approvedAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export interface MyShift {
  planId: string;
  unitId: string;
  unitName: string;
  date: string;
  code: string;
  name: string;
  start: string;
  end: string;
  hours: number;
  category: string;
}

export interface MyRota {
  employee: { id: string; name: string } | null;
  plans: Array<{ id: string; name: string; unitId: string; unitName: string; start: string; end: string; version: number }>;
  shifts: MyShift[];
  absences: Array<{ date: string; kind: string }>;
  wishes: Array<{ date: string; shift: string | null; kind: 'want' | 'avoid'; met: boolean }>;
  days: Array<{ date: string; red: boolean; holiday: string | null; holidayEn: string | null }>;
}

export interface WishForm {
  plan: { id: string; name: string; unitId: string; unitName: string; start: string; end: string; status: string };
  round: WishRound;
  shiftTypes: Array<{ code: string; name: string; start: string; end: string; category: string }>;
  days: Array<{ date: string; weekday: number; isoWeek: number; red: boolean; holiday: string | null; holidayEn: string | null }>;
  wishes: Array<{ date: string; shift: string | null; kind: 'want' | 'avoid'; weight: number }>;
  submission: { submittedAt: string; wishCount: number; desiredPositionPercent: number | null; longShifts: 'yes' | 'no' | 'indifferent' | null; note: string | null; preferredWeekends: string[] | null } | null;
  canWorkLongShifts: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ path: string; message: string }>,
  ) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
  }
}

let csrfToken = '';
export function setCsrf(token: string): void {
  csrfToken = token;
}
/** The session's CSRF token, for calls that do not go through `api` (file uploads). */
export function getCsrf(): string {
  return csrfToken;
}

/** Called on a 401 from any call (the session ended): the app shows the login page. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    if (res.status === 401 && path !== '/api/login' && path !== '/api/session') onUnauthorized();
    const errors = (data as { errors?: Array<{ path: string; message: string }> } | null)?.errors ?? [{ path: '(rot)', message: `HTTP ${res.status}` }];
    throw new ApiError(res.status, errors);
  }
  return data as T;
}

export const get = <T,>(path: string) => api<T>('GET', path);
