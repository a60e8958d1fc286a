import assert from 'node:assert/strict';
import { test } from 'node:test';
import { icalendar } from './ical.js';

test('iCal: UTC times from Oslo wall-clock (winter and summer), night shifts end the next day, lines folded, CRLF', () => {
  const cal = icalendar(
    [
      { planId: 'p1', date: '2027-01-04', code: 'D', name: 'Dagvakt', start: '07:00', end: '15:00', unitName: 'Solsiden sykehjem 2. etg' },
      { planId: 'p1', date: '2027-07-05', code: 'N', name: 'Nattevakt', start: '22:00', end: '07:30', unitName: 'Solsiden, «langt» navn; med komma, og semikolon som må escapes i iCalendar-format' },
    ],
    { calendarName: 'Turnus – Kari', now: new Date('2027-01-01T00:00:00Z'), host: 'bemanna.test' },
  );
  assert.ok(cal.endsWith('\r\n'));
  assert.ok(cal.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));
  assert.match(cal, /DTSTART:20270104T060000Z\r\nDTEND:20270104T140000Z/);
  // Summer time (UTC+2): 22:00 → 20:00Z, ends 07:30 next day → 05:30Z.
  assert.match(cal, /DTSTART:20270705T200000Z\r\nDTEND:20270706T053000Z/);
  assert.match(cal, /UID:p1-2027-01-04-D@bemanna\.test/);
  const unfolded = cal.replace(/\r\n /g, '');
  assert.match(unfolded, /LOCATION:Solsiden\\, «langt» navn\\; med komma\\, og semikolon/);
});
