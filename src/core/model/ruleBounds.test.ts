import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlan } from './validatePlan.js';
import { defaultRuleSet, RuleSetSchema, type RuleSet } from './ruleSet.js';
import { boundsWithValues, CHOICE_PARAMETERS, checkRuleSetBounds, getRulePath, PARAMETER_BOUNDS, type ParameterBound } from './ruleBounds.js';

function withValue(path: string, value: unknown, extra: Record<string, unknown> = {}): RuleSet {
  const raw: Record<string, Record<string, unknown>> = {};
  const [group, key] = path.split('.');
  raw[group] = { [key]: value };
  for (const [p, v] of Object.entries(extra)) {
    const [g, k] = p.split('.');
    raw[g] = { ...(raw[g] ?? {}), [k]: v };
  }
  return RuleSetSchema.parse(raw);
}

/** A step just outside a bound: a whole number for integer parameters. */
const step = (b: ParameterBound) => (b.integer ? 1 : 0.5);

const plan = (rules: unknown) => ({
  unit: 'U',
  start: '2027-01-04',
  end: '2027-01-10',
  shiftTypes: [{ code: 'D', start: '07:00', end: '15:00' }],
  employees: [{ id: 'e1', name: 'A', positionPercent: 100 }],
  rules,
});

describe('legal bounds of the rule parameters', () => {
  test('every bounded path exists in the rule set, is numeric, and its default is the KS default', () => {
    const def = defaultRuleSet();
    for (const b of PARAMETER_BOUNDS) assert.equal(getRulePath(def, b.path), b.default, b.path);
    assert.equal(new Set(PARAMETER_BOUNDS.map((b) => b.path)).size, PARAMETER_BOUNDS.length, 'one entry per parameter');
  });

  test('every choice parameter exists with its default among the options', () => {
    const def = defaultRuleSet();
    for (const c of CHOICE_PARAMETERS) {
      assert.equal(getRulePath(def, c.path), c.default, c.path);
      assert.ok(c.options.some((o) => o.value === c.default), c.path);
    }
  });

  for (const b of PARAMETER_BOUNDS) {
    describe(`${b.path} (${b.law})`, () => {
      test('the default lies within the law bound and the outer bound', () => {
        if (b.min !== undefined) assert.ok(b.default >= b.min);
        if (b.max !== undefined) assert.ok(b.default <= b.max);
        // A KS default needs no agreement reference of its own (long shifts rely on the default averaging agreement, `averaging.tier`).
        if (b.agreementRef && b.lawMin !== undefined) assert.ok(b.default >= b.lawMin);
        if (b.agreementRef && b.lawMax !== undefined) assert.ok(b.default <= b.lawMax);
        if (b.lawMin !== undefined && b.min !== undefined) assert.ok(b.min <= b.lawMin, 'the agreement widens the law bound');
        if (b.lawMax !== undefined && b.max !== undefined) assert.ok(b.max >= b.lawMax, 'the agreement widens the law bound');
        assert.ok(b.law.length > 0 && b.labelNb.length > 0 && b.labelEn.length > 0);
      });

      const ref = b.agreementRef ? { [b.agreementRef]: 'Lokal avtale 2027-01' } : {};
      if (b.min !== undefined)
        test(`the outer minimum ${b.min} is accepted (with the agreement), below it is rejected naming the bound and the law`, () => {
          assert.deepEqual(checkRuleSetBounds(withValue(b.path, b.min, ref)).filter((p) => p.path.startsWith(b.path.split('.')[0])), []);
          const below = b.min! - step(b);
          const problems = checkRuleSetBounds(withValue(b.path, below, ref));
          const p = problems.find((x) => x.path === b.path);
          assert.ok(p, `${b.path}=${below} must be rejected`);
          assert.match(p.message, /under nedre grense/);
          assert.ok(p.message.includes(String(b.min).replace('.', ',')) && p.message.includes(b.law), p.message);
          assert.ok(p.messageEn.includes(b.law));
        });
      if (b.max !== undefined)
        test(`the outer maximum ${b.max} is accepted (with the agreement), above it is rejected naming the bound and the law`, () => {
          assert.deepEqual(checkRuleSetBounds(withValue(b.path, b.max, ref)).filter((p) => p.path.startsWith(b.path.split('.')[0])), []);
          const above = b.max! + step(b);
          const p = checkRuleSetBounds(withValue(b.path, above, ref)).find((x) => x.path === b.path);
          assert.ok(p, `${b.path}=${above} must be rejected`);
          assert.match(p.message, /over øvre grense/);
          assert.ok(p.message.includes(String(b.max).replace('.', ',')) && p.message.includes(b.law), p.message);
        });
      if (b.agreementRef && (b.lawMin !== undefined || b.lawMax !== undefined))
        test('beyond the law bound the agreement reference is required', () => {
          const v = b.lawMin !== undefined ? b.lawMin - step(b) : b.lawMax! + step(b);
          const problems = checkRuleSetBounds(withValue(b.path, v));
          const p = problems.find((x) => x.path === b.agreementRef);
          assert.ok(p, `${b.path}=${v} without ${b.agreementRef} must be rejected`);
          assert.match(p.message, /avtalereferanse/);
          assert.ok(p.message.includes(b.law));
          assert.equal(checkRuleSetBounds(withValue(b.path, v, ref)).filter((x) => x.path === b.agreementRef || x.path === b.path).length, 0);
        });
      if (b.integer)
        test('whole numbers only', () => {
          assert.equal(RuleSetSchema.safeParse(withValueRaw(b.path, b.default + 0.5)).success, false);
        });
    });
  }

  test('boundsWithValues gives the current value and whether it needs the agreement', () => {
    const rs = withValue('dailyRest.minHours', 9, { 'dailyRest.agreementRef': 'Avtale 1' });
    const daily = boundsWithValues(rs).find((b) => b.path === 'dailyRest.minHours')!;
    assert.equal(daily.value, 9);
    assert.equal(daily.usesAgreement, true);
    assert.equal(boundsWithValues(defaultRuleSet()).some((b) => b.agreementRef && b.usesAgreement), false);
  });

  test('parsePlan rejects a parameter outside its bound with the field, the bound and the reference', () => {
    const r = parsePlan(plan({ weeklyRest: { minHours: 20, agreementRef: 'x' }, weekend: { frequency: 9 } }));
    assert.equal(r.ok, false);
    if (r.ok) return;
    const weekly = r.problems.find((p) => p.path === 'rules.weeklyRest.minHours');
    assert.ok(weekly);
    assert.match(weekly.message, /under nedre grense 28 h \(AML § 10-8 \(2\) og \(3\)\)/);
    const wk = r.problems.find((p) => p.path === 'rules.weekend.frequency');
    assert.ok(wk);
    assert.match(wk.message, /over øvre grense 6 \(Lokal avtale \(LOC-03\)\)/);
    assert.ok(parsePlan(plan({ weeklyRest: { minHours: 30, agreementRef: 'Tariffavtale 2026' } })).ok);
    const noRef = parsePlan(plan({ weeklyRest: { minHours: 30 } }));
    assert.ok(!noRef.ok && noRef.problems.some((p) => p.path === 'rules.weeklyRest.agreementRef'));
  });
});

function withValueRaw(path: string, value: unknown): Record<string, unknown> {
  const [group, key] = path.split('.');
  return { [group]: { [key]: value } };
}
