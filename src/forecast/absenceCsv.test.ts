import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAbsenceCsv, parseAbsenceCsv } from './absenceCsv.js';

const HEADER = 'employee,unit,from,to,type';

function errorsOf(text: string) {
  const r = parseAbsenceCsv(text);
  assert.equal(r.ok, false, 'expected validation errors');
  return r.ok ? [] : r.errors;
}

test('a valid file gives every record, with line numbers', () => {
  const r = parseAbsenceCsv(`\uFEFF${HEADER}\r\nsol-01,solsiden-2,2026-01-05,2026-01-06,self_certified\r\n\r\n"Hansen, Kari",solsiden-2,2026-02-01,2026-02-20,doctor_certified\r\n`);
  assert.ok(r.ok);
  assert.equal(r.records.length, 2);
  assert.deepEqual(r.records[1], { line: 4, employee: 'Hansen, Kari', unit: 'solsiden-2', from: '2026-02-01', to: '2026-02-20', type: 'doctor_certified' });
});

test('columns in another order and a semicolon separator are accepted', () => {
  const r = parseAbsenceCsv('type;unit;employee;from;to\nsick_child;hjemme-nord;hjt-02;2026-03-02;2026-03-03\n');
  assert.ok(r.ok);
  assert.equal(r.records[0].employee, 'hjt-02');
  assert.equal(r.records[0].type, 'sick_child');
});

test('field errors name the line, the field and the reason, and nothing is returned', () => {
  const errors = errorsOf(
    [
      HEADER,
      'a,u,2026-01-05,2026-01-06,self_certified',
      'b,u,2026-02-30,2026-03-01,self_certified',
      'c,u,2026-01-10,2026-01-09,leave',
      ',u,2026-01-10,2026-01-10,vacation',
      'd,u,2026-01-10',
    ].join('\n'),
  );
  const summary = errors.map((e) => `${e.line}:${e.field}`);
  assert.deepEqual(summary, ['3:from', '4:to', '5:employee', '5:type', '6:row']);
  assert.match(errors[0].reason, /not a date/);
  assert.match(errors[1].reason, /before from/);
  assert.match(errors[3].reason, /self_certified, doctor_certified, sick_child, leave/);
  assert.match(errors[4].reason, /expected 5 fields, found 3/);
});

test('a diagnosis column is refused (GDPR art. 9), as are unknown and missing columns', () => {
  const e1 = errorsOf(`${HEADER},diagnosis\na,u,2026-01-05,2026-01-06,self_certified,J06\n`);
  assert.equal(e1.length, 1);
  assert.equal(e1[0].line, 1);
  assert.equal(e1[0].field, 'diagnosis');
  assert.match(e1[0].reason, /GDPR art\. 9/);
  const e2 = errorsOf('employee,unit,from,to,kind\na,u,2026-01-05,2026-01-06,leave\n');
  assert.deepEqual(
    e2.map((e) => e.field),
    ['kind', 'type'],
  );
  const e3 = errorsOf('employee,unit,from,to,ICD10,type\n');
  assert.ok(e3.some((e) => e.field === 'icd10' && /diagnosis/.test(e.reason)));
});

test('a missing header, an empty file and a file without records are errors', () => {
  assert.match(errorsOf('')[0].reason, /empty file/);
  const noHeader = errorsOf('sol-01,solsiden-2,2026-01-05,2026-01-06,self_certified\n');
  assert.ok(noHeader.every((e) => e.line === 1));
  assert.match(errorsOf(`${HEADER}\n`)[0].reason, /no absence records/);
});

test('overlapping spells of one employee are an error on the later line', () => {
  const errors = errorsOf([HEADER, 'a,u,2026-01-05,2026-01-10,doctor_certified', 'b,u,2026-01-05,2026-01-10,doctor_certified', 'a,u,2026-01-10,2026-01-11,self_certified'].join('\n'));
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, 4);
  assert.equal(errors[0].field, 'from');
  assert.match(errors[0].reason, /overlaps the absence on line 2/);
});

test('quotes: bad quoting is a row error', () => {
  const errors = errorsOf(`${HEADER}\n"a,u,2026-01-05,2026-01-06,self_certified\n`);
  assert.equal(errors[0].field, 'row');
  assert.match(errors[0].reason, /unterminated quote/);
});

test('formatAbsenceCsv round-trips', () => {
  const spells = [
    { employee: 'x "y"', unit: 'a,b', from: '2026-01-01', to: '2026-01-02', type: 'leave' as const },
    { employee: 'z', unit: 'c', from: '2026-01-03', to: '2026-01-03', type: 'sick_child' as const },
  ];
  const r = parseAbsenceCsv(formatAbsenceCsv(spells));
  assert.ok(r.ok);
  assert.deepEqual(
    r.records.map(({ line: _line, ...rest }) => rest),
    spells,
  );
});
