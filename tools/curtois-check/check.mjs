#!/usr/bin/env node
// Independent checker for Curtois & Qu benchmark solutions (Instance1..24).
//
//   node tools/curtois-check/check.mjs <InstanceN.txt> <solution.json> [--json]
//
// Written directly from shared/benchmarks/curtois-qu/FORMAT.md (sections 2-5) and on purpose
// sharing no code with src/: its own parser, its own evaluation, written for clarity, not speed.
// Prints the objective (penalty) and every hard-constraint violation.
// Exit code: 0 feasible, 1 infeasible, 2 bad input or usage.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
];

export class InputError extends Error {}

function bad(lineNo, message) {
  throw new InputError(lineNo ? `line ${lineNo}: ${message}` : message);
}

function toInt(text, lineNo, what) {
  // "-0" is accepted as 0: Instance15 has two cover requirements written that way.
  if (!/^-?\d+$/.test(text) || Number(text) < 0) bad(lineNo, `${what} is not a non-negative integer: "${text}"`);
  return Math.abs(Number(text));
}

/**
 * Parses the instance text into plain objects keyed by IDs:
 * { horizon, shifts: [{id, length, forbiddenNext: [id]}], staff: [{id, maxShifts: {shiftId: n},
 *   maxTotalMinutes, minTotalMinutes, maxConsecutiveShifts, minConsecutiveShifts,
 *   minConsecutiveDaysOff, maxWeekends}], daysOff: {staffId: [day]}, onRequests, offRequests:
 *   [{staff, day, shift, weight}], cover: [{day, shift, requirement, weightUnder, weightOver}] }
 */
export function parseInstance(text) {
  // 1. Group the record lines by section.
  const records = {};
  let current = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].replace(/\r$/, '').trim();
    if (line.startsWith('#')) continue;
    if (line === '') {
      current = null;
      continue;
    }
    if (SECTIONS.includes(line)) {
      const expected = SECTIONS[Object.keys(records).length];
      if (line !== expected) bad(lineNo, `found ${line}, expected ${expected ?? 'end of file'}`);
      current = line;
      records[line] = [];
      continue;
    }
    if (current === null) bad(lineNo, `line outside any section: "${line}"`);
    records[current].push({ lineNo, fields: line.split(',') });
  }
  for (const name of SECTIONS) if (!records[name]) bad(0, `missing ${name}`);

  const need = (rec, n, what) => {
    if (rec.fields.length !== n) bad(rec.lineNo, `${what} needs ${n} fields, has ${rec.fields.length}`);
  };

  // 2. Horizon.
  if (records.SECTION_HORIZON.length !== 1) bad(0, 'SECTION_HORIZON must have exactly one line');
  const hRec = records.SECTION_HORIZON[0];
  need(hRec, 1, 'horizon');
  const horizon = toInt(hRec.fields[0], hRec.lineNo, 'horizon');
  if (horizon < 1) bad(hRec.lineNo, 'horizon must be at least 1');
  const checkDay = (text, lineNo) => {
    const d = toInt(text, lineNo, 'day');
    if (d >= horizon) bad(lineNo, `day ${d} is outside the horizon`);
    return d;
  };

  // 3. Shifts.
  const shifts = records.SECTION_SHIFTS.map((rec) => {
    need(rec, 3, 'shift');
    const [id, length, forbidden] = rec.fields;
    if (id === '') bad(rec.lineNo, 'empty shift ID');
    return { id, length: toInt(length, rec.lineNo, 'shift length'), forbiddenNext: forbidden === '' ? [] : forbidden.split('|'), lineNo: rec.lineNo };
  });
  if (shifts.length === 0) bad(0, 'no shift types');
  const shiftIds = new Set();
  for (const s of shifts) {
    if (shiftIds.has(s.id)) bad(s.lineNo, `duplicate shift ID ${s.id}`);
    shiftIds.add(s.id);
  }
  const checkShift = (id, lineNo) => {
    if (!shiftIds.has(id)) bad(lineNo, `unknown shift ID "${id}"`);
    return id;
  };
  for (const s of shifts) for (const t of s.forbiddenNext) checkShift(t, s.lineNo);

  // 4. Staff.
  const staff = records.SECTION_STAFF.map((rec) => {
    need(rec, 8, 'staff');
    const f = rec.fields;
    const maxShifts = {};
    for (const part of f[1].split('|')) {
      const [sid, n, extra] = part.split('=');
      if (n === undefined || extra !== undefined) bad(rec.lineNo, `bad MaxShifts entry "${part}"`);
      checkShift(sid, rec.lineNo);
      if (sid in maxShifts) bad(rec.lineNo, `MaxShifts lists ${sid} twice`);
      maxShifts[sid] = toInt(n, rec.lineNo, 'MaxShifts');
    }
    for (const s of shifts) if (!(s.id in maxShifts)) bad(rec.lineNo, `MaxShifts misses shift ${s.id}`);
    return {
      id: f[0],
      maxShifts,
      maxTotalMinutes: toInt(f[2], rec.lineNo, 'MaxTotalMinutes'),
      minTotalMinutes: toInt(f[3], rec.lineNo, 'MinTotalMinutes'),
      maxConsecutiveShifts: toInt(f[4], rec.lineNo, 'MaxConsecutiveShifts'),
      minConsecutiveShifts: toInt(f[5], rec.lineNo, 'MinConsecutiveShifts'),
      minConsecutiveDaysOff: toInt(f[6], rec.lineNo, 'MinConsecutiveDaysOff'),
      maxWeekends: toInt(f[7], rec.lineNo, 'MaxWeekends'),
      lineNo: rec.lineNo,
    };
  });
  if (staff.length === 0) bad(0, 'no staff');
  const staffIds = new Set();
  for (const p of staff) {
    if (p.id === '') bad(p.lineNo, 'empty staff ID');
    if (staffIds.has(p.id)) bad(p.lineNo, `duplicate staff ID ${p.id}`);
    staffIds.add(p.id);
  }
  const checkStaff = (id, lineNo) => {
    if (!staffIds.has(id)) bad(lineNo, `unknown staff ID "${id}"`);
    return id;
  };

  // 5. Days off.
  const daysOff = {};
  for (const rec of records.SECTION_DAYS_OFF) {
    const id = checkStaff(rec.fields[0], rec.lineNo);
    daysOff[id] = daysOff[id] ?? [];
    for (const t of rec.fields.slice(1)) {
      const d = checkDay(t, rec.lineNo);
      if (!daysOff[id].includes(d)) daysOff[id].push(d);
    }
  }

  // 6. Requests.
  const readRequests = (name) =>
    records[name].map((rec) => {
      need(rec, 4, 'request');
      const [sid, day, shift, weight] = rec.fields;
      return {
        staff: checkStaff(sid, rec.lineNo),
        day: checkDay(day, rec.lineNo),
        shift: checkShift(shift, rec.lineNo),
        weight: toInt(weight, rec.lineNo, 'weight'),
      };
    });

  // 7. Cover.
  const seen = new Set();
  const cover = records.SECTION_COVER.map((rec) => {
    need(rec, 5, 'cover');
    const [day, shift, req, wu, wo] = rec.fields;
    const row = {
      day: checkDay(day, rec.lineNo),
      shift: checkShift(shift, rec.lineNo),
      requirement: toInt(req, rec.lineNo, 'requirement'),
      weightUnder: toInt(wu, rec.lineNo, 'weight for under'),
      weightOver: toInt(wo, rec.lineNo, 'weight for over'),
    };
    const key = `${row.day},${row.shift}`;
    if (seen.has(key)) bad(rec.lineNo, `duplicate cover row for day ${row.day} shift ${row.shift}`);
    seen.add(key);
    return row;
  });
  if (cover.length !== horizon * shifts.length) bad(0, `expected ${horizon * shifts.length} cover rows, found ${cover.length}`);

  return {
    horizon,
    shifts: shifts.map(({ id, length, forbiddenNext }) => ({ id, length, forbiddenNext })),
    staff: staff.map(({ lineNo: _lineNo, ...rest }) => rest),
    daysOff,
    onRequests: readRequests('SECTION_SHIFT_ON_REQUESTS'),
    offRequests: readRequests('SECTION_SHIFT_OFF_REQUESTS'),
    cover,
  };
}

/**
 * Reads `{"roster": {"<staff id>": [shift id or null, ...]}}` into
 * assignment[staffId][day] = shift ID or null. Every employee needs exactly `horizon` entries.
 */
export function parseSolution(instance, json) {
  const roster = json && typeof json === 'object' ? json.roster : undefined;
  if (!roster || typeof roster !== 'object' || Array.isArray(roster)) throw new InputError('solution: expected an object {"roster": {...}}');
  const shiftIds = new Set(instance.shifts.map((s) => s.id));
  const staffIds = new Set(instance.staff.map((p) => p.id));
  for (const id of Object.keys(roster)) if (!staffIds.has(id)) throw new InputError(`solution: unknown staff ID "${id}"`);
  const assignment = {};
  for (const p of instance.staff) {
    const days = roster[p.id];
    if (!Array.isArray(days)) throw new InputError(`solution: missing roster for staff "${p.id}"`);
    if (days.length !== instance.horizon) throw new InputError(`solution: staff "${p.id}" has ${days.length} days, expected ${instance.horizon}`);
    days.forEach((v, d) => {
      if (v !== null && !(typeof v === 'string' && shiftIds.has(v)))
        throw new InputError(`solution: staff "${p.id}", day ${d}: ${JSON.stringify(v)} is not a shift ID or null`);
    });
    assignment[p.id] = days.slice();
  }
  return assignment;
}

/** Maximal blocks of consecutive days with the same working/off status. */
function runsOf(days) {
  const runs = [];
  let start = 0;
  for (let d = 1; d <= days.length; d++) {
    if (d === days.length || (days[d] !== null) !== (days[start] !== null)) {
      runs.push({ working: days[start] !== null, start, end: d - 1, length: d - start });
      start = d;
    }
  }
  return runs;
}

function range(a, b) {
  const out = [];
  for (let d = a; d <= b; d++) out.push(d);
  return out;
}

/** Evaluates a roster: { objective, parts, violations: [{constraint, employee, days, detail}] }. */
export function evaluate(instance, assignment) {
  const H = instance.horizon;
  const shiftById = Object.fromEntries(instance.shifts.map((s) => [s.id, s]));
  const violations = [];
  const violation = (constraint, employee, days, detail) => violations.push({ constraint, employee, days, detail });

  for (const p of instance.staff) {
    const x = assignment[p.id];

    // Rule 2: forbidden successions (within the horizon only).
    for (let d = 0; d + 1 < H; d++) {
      if (x[d] !== null && x[d + 1] !== null && shiftById[x[d]].forbiddenNext.includes(x[d + 1]))
        violation('forbidden-succession', p.id, [d, d + 1], `${x[d]} followed by ${x[d + 1]}`);
    }

    // Rule 3: maximum shifts per type.
    for (const s of instance.shifts) {
      const days = range(0, H - 1).filter((d) => x[d] === s.id);
      if (days.length > p.maxShifts[s.id]) violation('max-shifts', p.id, days, `${days.length} x ${s.id} > MaxShifts ${p.maxShifts[s.id]}`);
    }

    // Rule 4: total minutes.
    let minutes = 0;
    for (let d = 0; d < H; d++) if (x[d] !== null) minutes += shiftById[x[d]].length;
    if (minutes > p.maxTotalMinutes) violation('max-total-minutes', p.id, [], `${minutes} min > ${p.maxTotalMinutes}`);
    if (minutes < p.minTotalMinutes) violation('min-total-minutes', p.id, [], `${minutes} min < ${p.minTotalMinutes}`);

    // Rules 5-7: runs.
    for (const run of runsOf(x)) {
      const touchesBorder = run.start === 0 || run.end === H - 1;
      const days = range(run.start, run.end);
      if (run.working && run.length > p.maxConsecutiveShifts)
        violation('max-consecutive-shifts', p.id, days, `${run.length} consecutive shifts > ${p.maxConsecutiveShifts}`);
      if (run.working && !touchesBorder && run.length < p.minConsecutiveShifts)
        violation('min-consecutive-shifts', p.id, days, `${run.length} consecutive shifts < ${p.minConsecutiveShifts}`);
      if (!run.working && !touchesBorder && run.length < p.minConsecutiveDaysOff)
        violation('min-consecutive-days-off', p.id, days, `${run.length} consecutive days off < ${p.minConsecutiveDaysOff}`);
    }

    // Rule 8: working weekends (Saturday 7w+5, Sunday 7w+6).
    const weekendDays = [];
    let weekends = 0;
    for (let sat = 5; sat < H; sat += 7) {
      const worked = [sat, sat + 1].filter((d) => d < H && x[d] !== null);
      if (worked.length > 0) weekends++;
      weekendDays.push(...worked);
    }
    if (weekends > p.maxWeekends) violation('max-weekends', p.id, weekendDays, `${weekends} working weekends > ${p.maxWeekends}`);

    // Rule 9: fixed days off.
    for (const d of instance.daysOff[p.id] ?? []) if (x[d] !== null) violation('day-off', p.id, [d], `works ${x[d]} on a fixed day off`);
  }

  // Objective (section 5).
  const parts = { onRequests: 0, offRequests: 0, coverUnder: 0, coverOver: 0 };
  for (const r of instance.onRequests) if (assignment[r.staff][r.day] !== r.shift) parts.onRequests += r.weight;
  for (const r of instance.offRequests) if (assignment[r.staff][r.day] === r.shift) parts.offRequests += r.weight;
  for (const c of instance.cover) {
    const n = instance.staff.filter((p) => assignment[p.id][c.day] === c.shift).length;
    if (n < c.requirement) parts.coverUnder += c.weightUnder * (c.requirement - n);
    if (n > c.requirement) parts.coverOver += c.weightOver * (n - c.requirement);
  }
  const objective = parts.onRequests + parts.offRequests + parts.coverUnder + parts.coverOver;
  return { objective, parts, feasible: violations.length === 0, violations };
}

function formatDays(days) {
  if (days.length === 0) return '-';
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  return contiguous && days.length > 2 ? `${days[0]}-${days[days.length - 1]}` : days.join(',');
}

/** CLI. Returns the exit code; writes through `out` / `err`. */
export function main(argv, out = (s) => console.log(s), err = (s) => console.error(s)) {
  const args = argv.filter((a) => a !== '--json');
  const asJson = argv.includes('--json');
  if (args.length !== 2 || args.some((a) => a.startsWith('--'))) {
    err('usage: node tools/curtois-check/check.mjs <InstanceN.txt> <solution.json> [--json]');
    return 2;
  }
  const [instanceFile, solutionFile] = args;
  let result;
  let instance;
  try {
    instance = parseInstance(readFileSync(instanceFile, 'utf8'));
  } catch (e) {
    err(`${instanceFile}: ${e.message}`);
    return 2;
  }
  try {
    const json = JSON.parse(readFileSync(solutionFile, 'utf8'));
    result = evaluate(instance, parseSolution(instance, json));
  } catch (e) {
    err(`${solutionFile}: ${e.message}`);
    return 2;
  }
  if (asJson) {
    out(JSON.stringify({ instance: basename(instanceFile), ...result, violationCount: result.violations.length }, null, 2));
  } else {
    const { parts } = result;
    out(`${basename(instanceFile)}: ${instance.horizon} days, ${instance.staff.length} staff, ${instance.shifts.length} shift types`);
    out(`objective (penalty): ${result.objective}`);
    out(`  on-requests ${parts.onRequests}, off-requests ${parts.offRequests}, cover under ${parts.coverUnder}, cover over ${parts.coverOver}`);
    out(`hard violations: ${result.violations.length}`);
    for (const v of result.violations) out(`  ${v.constraint}  employee ${v.employee}  days ${formatDays(v.days)}  (${v.detail})`);
    out(result.feasible ? 'FEASIBLE' : 'INFEASIBLE');
  }
  return result.feasible ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
