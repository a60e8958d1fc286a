/**
 * Conformance tests for hired hours (migration 007, hiredRepository.ts), registered inside the
 * repository conformance suite so that PGlite and PostgreSQL run them on the same database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from './db.js';
import { ValidationError } from './errors.js';
import { HiredRepository } from './hiredRepository.js';
import { createRepositories } from './sqlRepositories.js';

export function registerHiredConformance(get: () => { db: Db; newUnit: () => Promise<string> }): void {
  test('hired hours: add and list by unit and dates, numbers and dates as plain values, first date per unit', async () => {
    const { db, newUnit } = get();
    const repos = createRepositories(db);
    const hired = new HiredRepository(db);
    const [u1, u2, u3] = [await newUnit(), await newUnit(), await newUnit()];
    await repos.employees.upsert(u1, [{ id: `${u1}-e1`, name: 'Ekstra Eva', positionPercent: 60 }]);
    const stored = await hired.add(
      u1,
      [
        { date: '2027-02-03', kind: 'agency', hours: 7.5, shift: 'D', note: 'Vikarbyrå AS' },
        { date: '2027-01-10', kind: 'extra', hours: 8, employeeId: `${u1}-e1`, shift: 'A' },
        { date: '2027-01-31', kind: 'overtime', hours: 2.25, employeeId: `${u1}-e1` },
      ],
      { source: 'manual', createdBy: null },
    );
    assert.equal(stored.length, 3);
    const s0 = stored[0];
    assert.equal(typeof s0.id, 'number');
    assert.equal(s0.unitId, u1);
    assert.equal(s0.date, '2027-02-03');
    assert.equal(s0.hours, 7.5);
    assert.equal(typeof s0.hours, 'number');
    assert.equal(s0.employeeId, null);
    assert.equal(s0.shift, 'D');
    assert.equal(s0.source, 'manual');
    assert.equal(s0.note, 'Vikarbyrå AS');
    assert.match(s0.createdAt, /^\d{4}-\d{2}-\d{2}T/);
    await hired.add(u2, [{ date: '2027-01-05', kind: 'agency', hours: 12.5 }], { source: 'import', createdBy: null });

    const all = await hired.list({ unitIds: [u1] });
    assert.deepEqual(all.map((r) => [r.date, r.kind, r.hours]), [
      ['2027-01-10', 'extra', 8],
      ['2027-01-31', 'overtime', 2.25],
      ['2027-02-03', 'agency', 7.5],
    ]);
    const jan = await hired.list({ unitIds: [u1, u2], from: '2027-01-01', to: '2027-01-31' });
    assert.deepEqual(jan.map((r) => [r.unitId, r.date]), [
      [u2, '2027-01-05'],
      [u1, '2027-01-10'],
      [u1, '2027-01-31'],
    ]);
    assert.deepEqual(await hired.list({ unitIds: [] }), []);
    const first = await hired.firstDates([u1, u2, u3]);
    assert.equal(first.get(u1), '2027-01-10');
    assert.equal(first.get(u2), '2027-01-05');
    assert.equal(first.has(u3), false, 'a unit that never registered anything is not in the map');
  });

  test('hired hours: a batch with one bad line stores nothing (hours, kind, agency with an employee, unknown unit or employee)', async () => {
    const { db, newUnit } = get();
    const repos = createRepositories(db);
    const hired = new HiredRepository(db);
    const unit = await newUnit();
    await repos.employees.upsert(unit, [{ id: `${unit}-e1`, name: 'Ola', positionPercent: 50 }]);
    const good = { date: '2027-01-10', kind: 'extra' as const, hours: 8, employeeId: `${unit}-e1` };
    const bad: Array<Parameters<HiredRepository['add']>[1][number]> = [
      { date: '2027-01-11', kind: 'extra', hours: 0 },
      { date: '2027-01-11', kind: 'extra', hours: 745 },
      { date: '2027-01-11', kind: 'bonus' as never, hours: 3 },
      { date: '2027-01-11', kind: 'agency', hours: 3, employeeId: `${unit}-e1` },
      { date: '2027-01-11', kind: 'overtime', hours: 3, employeeId: 'finnes-ikke' },
      { date: '2027-01-11', kind: 'extra', hours: 3, shift: 'ALTFORLANG' },
    ];
    for (const b of bad) await assert.rejects(hired.add(unit, [good, b], { source: 'manual', createdBy: null }), ValidationError, JSON.stringify(b));
    await assert.rejects(hired.add('finnes-ikke', [good], { source: 'manual', createdBy: null }), ValidationError);
    assert.deepEqual(await hired.list({ unitIds: [unit] }), [], 'nothing of a failed batch is stored');
    await assert.rejects(db.query(`insert into hired_hours (unit_id, work_date, kind, hours, source) values ($1, '2027-01-01', 'extra', 1, 'rumour')`, [unit]));

    // Inside a transaction that rolls back, nothing stays.
    await assert.rejects(
      db.transaction(async (tx) => {
        await new HiredRepository(tx).add(unit, [good], { source: 'cover', createdBy: null });
        throw new Error('rollback');
      }),
    );
    assert.deepEqual(await hired.list({ unitIds: [unit] }), []);
    const [one] = await hired.add(unit, [good], { source: 'cover', createdBy: null });
    assert.equal(one.source, 'cover');
  });
}
