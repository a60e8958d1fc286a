/**
 * Parser for the Curtois & Qu shift scheduling benchmark text format (Instance1..24.txt).
 * See shared/benchmarks/curtois-qu/FORMAT.md, section 2. Pure: takes the file's text.
 *
 * Strict: anything malformed (unknown section order, wrong field count, non-integer, unknown
 * shift or staff ID, day outside the horizon, duplicate ID, missing or duplicate cover row)
 * throws an Error whose message starts with `line N:` (1-based) and says why.
 */

export interface CurtoisShift {
  /** Index in `shifts` (the value stored in a roster cell). */
  index: number;
  id: string;
  /** Length in minutes. */
  length: number;
  /** Indices of the shift types that may not be worked on the day after this one. */
  forbiddenNext: number[];
}

export interface CurtoisStaff {
  index: number;
  id: string;
  /** maxShifts[s] = the most times shift type s may be worked; 0 = never (not qualified). */
  maxShifts: number[];
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  /** Fixed days off (0-based, sorted, unique). */
  daysOff: number[];
}

export interface CurtoisRequest {
  employee: number;
  day: number;
  shift: number;
  weight: number;
}

export interface CurtoisCover {
  requirement: number;
  weightUnder: number;
  weightOver: number;
}

export interface CurtoisInstance {
  /** Number of days H; day 0 is a Monday. */
  horizon: number;
  shifts: CurtoisShift[];
  staff: CurtoisStaff[];
  onRequests: CurtoisRequest[];
  offRequests: CurtoisRequest[];
  /** cover[day][shift]. */
  cover: CurtoisCover[][];
}

export const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type Section = (typeof SECTIONS)[number];

interface Line {
  no: number;
  text: string;
}

function fail(no: number, reason: string): never {
  throw new Error(`line ${no}: ${reason}`);
}

function int(line: Line, field: string, what: string, min = 0): number {
  if (!/^-?\d+$/.test(field)) fail(line.no, `${what} must be an integer, got "${field}"`);
  // `+ 0` turns -0 into 0: Instance15 writes two zero cover requirements as "-0".
  const v = Number(field) + 0;
  if (!Number.isSafeInteger(v)) fail(line.no, `${what} is out of range: "${field}"`);
  if (v < min) fail(line.no, `${what} must be >= ${min}, got ${v}`);
  return v;
}

function fields(line: Line, count: number, what: string): string[] {
  const f = line.text.split(',');
  if (f.length !== count) fail(line.no, `${what} record needs ${count} comma-separated fields, got ${f.length}`);
  return f;
}

function checkId(line: Line, id: string, what: string): string {
  if (id === '' || /[\s|=,]/.test(id)) fail(line.no, `invalid ${what} ID "${id}"`);
  return id;
}

/** Splits the text into sections of non-comment record lines, checking the order. */
function splitSections(text: string): Map<Section, { header: number; lines: Line[] }> {
  const raw = text.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const out = new Map<Section, { header: number; lines: Line[] }>();
  let current: { header: number; lines: Line[] } | null = null;
  let next = 0;
  for (let i = 0; i < raw.length; i++) {
    const no = i + 1;
    const t = raw[i].endsWith('\r') ? raw[i].slice(0, -1) : raw[i];
    const trimmed = t.trim();
    if (trimmed.startsWith('#')) continue;
    if (trimmed === '') {
      current = null;
      continue;
    }
    if ((SECTIONS as readonly string[]).includes(trimmed)) {
      const name = trimmed as Section;
      if (out.has(name)) fail(no, `duplicate ${name}`);
      if (SECTIONS.indexOf(name) !== next) fail(no, `${name} out of order; expected ${SECTIONS[next]}`);
      next++;
      current = { header: no, lines: [] };
      out.set(name, current);
      continue;
    }
    if (trimmed.startsWith('SECTION_')) fail(no, `unknown section "${trimmed}"`);
    if (!current) fail(no, `record outside a section: "${trimmed}"`);
    if (t !== trimmed) fail(no, 'unexpected leading or trailing whitespace');
    current.lines.push({ no, text: t });
  }
  if (next < SECTIONS.length) fail(raw.length, `missing ${SECTIONS[next]}`);
  return out;
}

export function parseCurtois(text: string): CurtoisInstance {
  const sec = splitSections(text);
  const get = (name: Section) => sec.get(name)!;

  // Horizon
  const hz = get('SECTION_HORIZON');
  if (hz.lines.length !== 1) fail(hz.lines[1]?.no ?? hz.header, 'SECTION_HORIZON must hold exactly one integer');
  const horizon = int(hz.lines[0], hz.lines[0].text, 'horizon', 1);
  const day = (line: Line, f: string) => {
    const d = int(line, f, 'day');
    if (d >= horizon) fail(line.no, `day ${d} is outside the horizon 0..${horizon - 1}`);
    return d;
  };

  // Shifts (ForbiddenNext may name shifts defined further down, so resolve afterwards).
  const sh = get('SECTION_SHIFTS');
  if (sh.lines.length === 0) fail(sh.header, 'SECTION_SHIFTS has no shift types');
  const shiftIndex = new Map<string, number>();
  const shifts: CurtoisShift[] = [];
  const forbiddenRaw: string[] = [];
  for (const line of sh.lines) {
    const f = fields(line, 3, 'shift');
    const id = checkId(line, f[0], 'shift');
    if (shiftIndex.has(id)) fail(line.no, `duplicate shift ID "${id}"`);
    shiftIndex.set(id, shifts.length);
    shifts.push({ index: shifts.length, id, length: int(line, f[1], 'shift length', 1), forbiddenNext: [] });
    forbiddenRaw.push(f[2]);
  }
  const shiftOf = (line: Line, id: string) => {
    const s = shiftIndex.get(id);
    if (s === undefined) fail(line.no, `unknown shift ID "${id}"`);
    return s;
  };
  sh.lines.forEach((line, i) => {
    if (forbiddenRaw[i] === '') return;
    const set = new Set<number>();
    for (const id of forbiddenRaw[i].split('|')) {
      const s = shiftOf(line, id);
      if (set.has(s)) fail(line.no, `shift "${id}" listed twice in ForbiddenNext`);
      set.add(s);
    }
    shifts[i].forbiddenNext = [...set].sort((a, b) => a - b);
  });
  const S = shifts.length;

  // Staff
  const st = get('SECTION_STAFF');
  if (st.lines.length === 0) fail(st.header, 'SECTION_STAFF has no employees');
  const staffIndex = new Map<string, number>();
  const staff: CurtoisStaff[] = [];
  for (const line of st.lines) {
    const f = fields(line, 8, 'staff');
    const id = checkId(line, f[0], 'staff');
    if (staffIndex.has(id)) fail(line.no, `duplicate staff ID "${id}"`);
    const maxShifts: number[] = new Array<number>(S).fill(-1);
    for (const part of f[1].split('|')) {
      const eq = part.indexOf('=');
      if (eq < 0) fail(line.no, `MaxShifts entry "${part}" is not ShiftID=N`);
      const s = shiftOf(line, part.slice(0, eq));
      if (maxShifts[s] >= 0) fail(line.no, `MaxShifts lists shift "${shifts[s].id}" twice`);
      maxShifts[s] = int(line, part.slice(eq + 1), `MaxShifts for ${shifts[s].id}`);
    }
    const missing = maxShifts.findIndex((m) => m < 0);
    if (missing >= 0) fail(line.no, `MaxShifts has no entry for shift "${shifts[missing].id}"`);
    staffIndex.set(id, staff.length);
    staff.push({
      index: staff.length,
      id,
      maxShifts,
      maxTotalMinutes: int(line, f[2], 'MaxTotalMinutes'),
      minTotalMinutes: int(line, f[3], 'MinTotalMinutes'),
      maxConsecutiveShifts: int(line, f[4], 'MaxConsecutiveShifts'),
      minConsecutiveShifts: int(line, f[5], 'MinConsecutiveShifts'),
      minConsecutiveDaysOff: int(line, f[6], 'MinConsecutiveDaysOff'),
      maxWeekends: int(line, f[7], 'MaxWeekends'),
      daysOff: [],
    });
  }
  const staffOf = (line: Line, id: string) => {
    const e = staffIndex.get(id);
    if (e === undefined) fail(line.no, `unknown staff ID "${id}"`);
    return e;
  };

  // Days off (several records for one employee are merged).
  for (const line of get('SECTION_DAYS_OFF').lines) {
    const f = line.text.split(',');
    const e = staffOf(line, f[0]);
    const set = new Set(staff[e].daysOff);
    for (let i = 1; i < f.length; i++) set.add(day(line, f[i]));
    staff[e].daysOff = [...set].sort((a, b) => a - b);
  }

  // Requests
  const requests = (name: Section): CurtoisRequest[] =>
    get(name).lines.map((line) => {
      const f = fields(line, 4, 'request');
      return {
        employee: staffOf(line, f[0]),
        day: day(line, f[1]),
        shift: shiftOf(line, f[2]),
        weight: int(line, f[3], 'request weight'),
      };
    });
  const onRequests = requests('SECTION_SHIFT_ON_REQUESTS');
  const offRequests = requests('SECTION_SHIFT_OFF_REQUESTS');

  // Cover: exactly one row per (day, shift).
  const cv = get('SECTION_COVER');
  const cover: (CurtoisCover | undefined)[][] = Array.from({ length: horizon }, () => new Array<CurtoisCover | undefined>(S));
  for (const line of cv.lines) {
    const f = fields(line, 5, 'cover');
    const d = day(line, f[0]);
    const s = shiftOf(line, f[1]);
    if (cover[d][s]) fail(line.no, `duplicate cover row for day ${d}, shift "${shifts[s].id}"`);
    cover[d][s] = {
      requirement: int(line, f[2], 'cover requirement'),
      weightUnder: int(line, f[3], 'cover weight for under'),
      weightOver: int(line, f[4], 'cover weight for over'),
    };
  }
  for (let d = 0; d < horizon; d++)
    for (let s = 0; s < S; s++)
      if (!cover[d][s]) fail(cv.lines.at(-1)?.no ?? cv.header, `no cover row for day ${d}, shift "${shifts[s].id}"`);

  return { horizon, shifts, staff, onRequests, offRequests, cover: cover as CurtoisCover[][] };
}

/** Counts for a one-line summary. */
export function describeInstance(inst: CurtoisInstance): string {
  return `${inst.horizon} days, ${inst.staff.length} staff, ${inst.shifts.length} shift types`;
}
