import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

test('LAW-09: an 8 h shift with no break breaks the 30 min rule (one violation listing the dates)', () => {
  const p = plan({ shiftTypes: [{ code: 'D', start: '07:00', end: '15:00', breakMinutes: 0 }], rows: [['e1', '2027-01-04', 'D'], ['e1', '2027-01-05', 'D']] });
  const v = violationsOf(p, 'LAW-09');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-01-04', '2027-01-05']);
  assert.equal(v[0].measured, 0);
  assert.equal(v[0].limit, 30);
});

test('LAW-09: a 6 h shift needs a break, a 5 h shift does not', () => {
  const p = plan({ shiftTypes: [{ code: 'M', start: '09:00', end: '15:00', breakMinutes: 0 }, { code: 'S', start: '10:00', end: '15:00', breakMinutes: 0 }], rows: [['e1', '2027-01-04', 'M'], ['e1', '2027-01-05', 'S']] });
  const v = violationsOf(p, 'LAW-09');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-01-04']);
});

test('LAW-09: shifts without a stated break get the rule set default (30 min, paid) and pass', () => {
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-04', 'D']] }), 'LAW-09').length, 0);
});

test('an unpaid break is deducted from working time', async () => {
  const { buildContext } = await import('../eval/context.js');
  const ctx = buildContext(plan({ shiftTypes: [{ code: 'D', start: '07:00', end: '15:00', breakMinutes: 30, breakPaid: false }] }));
  assert.equal(ctx.instance(0, 0).workMin, 450);
});
