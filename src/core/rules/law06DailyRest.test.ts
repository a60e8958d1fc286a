import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plan, violationsOf, type Row } from './testkit.js';
import { addDays } from '../time/localDate.js';

test('LAW-06: evening 14:30–22:30 then day 07:00 leaves 8.5 h < 11 h', () => {
  const v = violationsOf(plan({ rows: [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']] }), 'LAW-06');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 8.5);
  assert.equal(v[0].limit, 11);
  assert.deepEqual(v[0].dates, ['2027-01-05', '2027-01-06']);
  assert.equal(v[0].reference, 'AML § 10-8 (1)');
  assert.match(v[0].message, /Bare 8,5 t hvile mellom K 05\.01\.2027 og D 06\.01\.2027 – minst 11 t/);
  assert.match(v[0].messageEn, /Only 8\.5 h of rest/);
});

test('LAW-06: over the DST nights the rest is 7.5 h (March) and 9.5 h (October)', () => {
  const m = violationsOf(plan({ start: '2026-03-23', end: '2026-04-05', rows: [['e1', '2026-03-28', 'K'], ['e1', '2026-03-29', 'D']] }), 'LAW-06');
  assert.equal(m[0].measured, 7.5);
  const o = violationsOf(plan({ start: '2026-10-19', end: '2026-11-01', rows: [['e1', '2026-10-24', 'K'], ['e1', '2026-10-25', 'D']] }), 'LAW-06');
  assert.equal(o[0].measured, 9.5);
});

test('LAW-06: with a registered agreement for 8 h, 8.5 h passes; the reference names the agreement', () => {
  const p = plan({ rules: { dailyRest: { minHours: 8, agreementRef: 'Lokal avtale 12/2026' } }, rows: [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']] });
  assert.equal(violationsOf(p, 'LAW-06').length, 0);
  const p2 = plan({ rules: { dailyRest: { minHours: 9, agreementRef: 'Lokal avtale 12/2026' } }, rows: [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']] });
  assert.match(violationsOf(p2, 'LAW-06')[0].reference, /Lokal avtale 12\/2026/);
});

test('LAW-06: day → evening → night pattern with 11 h+ rests has no violation', () => {
  const rows: Row[] = [['e1', '2027-01-04', 'D'], ['e1', '2027-01-05', 'K'], ['e1', '2027-01-07', 'N']];
  assert.equal(violationsOf(plan({ rows }), 'LAW-06').length, 0);
});

test('property: rest violations do not depend on the order the assignments are listed in', () => {
  const codes = ['D', 'K', 'N', 'L', null];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...codes), { minLength: 14, maxLength: 14 }), fc.integer({ min: 0, max: 1000 }), (pattern, seed) => {
      const rows: Row[] = [];
      pattern.forEach((c, i) => c && rows.push(['e1', addDays('2027-01-04', i), c]));
      // Drop patterns with overlapping shifts (invalid input, rejected earlier).
      let p;
      try {
        p = plan({ end: '2027-01-17', rows });
      } catch {
        return true;
      }
      const shuffled = [...rows].sort((a, b) => ((a[1].charCodeAt(9) * 31 + seed) % 7) - ((b[1].charCodeAt(9) * 31 + seed) % 7));
      const q = plan({ end: '2027-01-17', rows: shuffled });
      const key = (x: typeof p) => JSON.stringify(violationsOf(x, 'LAW-06'));
      assert.equal(key(p), key(q));
      return true;
    }),
    { numRuns: 60 },
  );
});
