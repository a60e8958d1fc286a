import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

const LL = [{ code: 'LL', start: '07:30', end: '21:00', category: 'long' as const }];

test('LOC-02: a 13.5 h shift needs a central agreement', () => {
  const v = violationsOf(plan({ shiftTypes: LL, rows: [['e1', '2027-01-09', 'LL']] }), 'LOC-02');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 13.5);
  assert.equal(v[0].limit, 12.5);
  assert.equal(v[0].reference, 'AML § 10-12 (4)');
});

test('LOC-02: with a central agreement for 13.5 h the shift passes (and LAW-03 needs its own agreement)', () => {
  const rules = {
    averaging: { tier: 'central' as const, centralAgreementRef: 'NSF sentral godkjenning 2026/14', centralMaxShiftHours: 13.5 },
    totalTime: { maxHoursPer24: 14, agreementRef: 'Tariffavtale § 10-6 (9)' },
  };
  const p = plan({ shiftTypes: LL, rules, rows: [['e1', '2027-01-09', 'LL']] });
  assert.equal(violationsOf(p, 'LOC-02').length, 0);
  assert.equal(violationsOf(p, 'LAW-03').length, 0);
});

test('LOC-02: a central tier without an agreement reference is rejected as input', () => {
  assert.throws(() => plan({ shiftTypes: LL, rules: { averaging: { tier: 'central', centralMaxShiftHours: 13.5 } } }), /averaging\.centralAgreementRef/);
});
