/**
 * iCalendar (RFC 5545) export of one employee's shifts. Times are written in UTC, computed
 * from Europe/Oslo wall-clock times, so every calendar shows them right across DST changes;
 * a night shift ends on the next day.
 */
import { addDays } from '../core/time/localDate.js';
import { clockToMinutes, localInstant } from '../core/time/zone.js';

export interface IcalShift {
  planId: string;
  date: string;
  code: string;
  name: string;
  start: string;
  end: string;
  unitName: string;
}

function utc(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds lines longer than 75 octets (RFC 5545 § 3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (Buffer.byteLength(cur + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(cur);
      cur = '';
    }
    cur += ch;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

export function icalendar(shifts: readonly IcalShift[], opts: { calendarName: string; now?: Date; host?: string }): string {
  const stamp = utc(Math.floor((opts.now ?? new Date()).getTime() / 60_000));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bemanna//Turnus//NB', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(opts.calendarName)}`];
  for (const s of shifts) {
    const startMin = clockToMinutes(s.start);
    const endMin = clockToMinutes(s.end);
    const endDate = endMin <= startMin ? addDays(s.date, 1) : s.date;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.planId}-${s.date}-${s.code}@${opts.host ?? 'bemanna'}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(localInstant(s.date, startMin))}`,
      `DTEND:${utc(localInstant(endDate, endMin))}`,
      `SUMMARY:${escapeText(`${s.code} ${s.name}`.trim())}`,
      `LOCATION:${escapeText(s.unitName)}`,
      `DESCRIPTION:${escapeText(`Vakt ${s.code} ${s.start}–${s.end}, ${s.unitName}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
