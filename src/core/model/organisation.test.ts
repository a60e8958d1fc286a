import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnitSchema } from './organisation.js';
import { generateDemo } from '../../demo/index.js';

test('the demo units are valid units of the organisation model', () => {
  const ds = generateDemo();
  for (const u of ds.units) {
    const r = UnitSchema.safeParse({ id: u.id, organisation: ds.organisation.id, name: u.name, kind: u.kind, serviceArea: u.serviceArea, beds: u.beds });
    assert.ok(r.success, JSON.stringify(r.error?.issues));
  }
});

test('an unknown unit kind is rejected with its path', () => {
  const r = UnitSchema.safeParse({ id: 'x', organisation: 'o', name: 'X', kind: 'kafé', serviceArea: 'Nord' });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0].path, ['kind']);
});
