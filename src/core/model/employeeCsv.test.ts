import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseEmployeeCsv, parseFileDate, parsePercent } from './employeeCsv.js';

describe('employee file (ansattliste)', () => {
  test('a good file with Norwegian column names, semicolons and Norwegian dates', () => {
    const text = '\uFEFFansattnummer;navn;kompetanse;stillingsprosent;startdato;sluttdato;langvakter;helgefrekvens\r\n' +
      'e100;Kari Nordmann;Sykepleier;80,5;01.02.2027;;ja;3\r\n' +
      ';"Ola ""Olsen"" Nordmann";helsefagarbeider;100 %;2027-03-01;2027-12-31;nei;\r\n';
    const r = parseEmployeeCsv(text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.records, [
      { line: 2, id: 'e100', name: 'Kari Nordmann', competence: 'sykepleier', positionPercent: 80.5, startDate: '2027-02-01', longShifts: true, weekendFrequency: 3 },
      { line: 3, name: 'Ola "Olsen" Nordmann', competence: 'helsefagarbeider', positionPercent: 100, startDate: '2027-03-01', endDate: '2027-12-31', longShifts: false },
    ]);
  });

  test('bad lines: every line, field and reason is reported in bokmål and English', () => {
    const text = [
      'id,name,competence,position_percent,start_date',
      'e1,Kari,sykepleier,80,2027-01-01',
      'e2,Per,kokk,80,2027-01-01',
      'e3,Liv,assistent,120,2027-01-01',
      'e4,Ane,assistent,50,2027-02-30',
      'e1,Kari igjen,sykepleier,50,2027-01-01',
      ',,assistent,0,',
      'e6,Six,assistent',
    ].join('\n');
    const r = parseEmployeeCsv(text);
    const found = r.problems.map((p) => `${p.line}:${p.field}`);
    assert.deepEqual(found, ['3:competence', '4:position_percent', '5:start_date', '6:id', '7:name', '7:position_percent', '7:start_date', '8:row']);
    const comp = r.problems.find((p) => p.field === 'competence')!;
    assert.match(comp.reasonNb, /ukjent kompetanse «kokk»/);
    assert.match(comp.reasonEn, /unknown competence "kokk"/);
    assert.equal(comp.reason, `${comp.reasonNb} / ${comp.reasonEn}`);
    assert.match(r.problems.find((p) => p.line === 6)!.reasonNb, /står også på linje 2/);
    assert.match(r.problems.find((p) => p.line === 4)!.reasonNb, /utenfor 1–100/);
  });

  test('header problems: unknown and missing columns, health columns refused, empty file', () => {
    const r = parseEmployeeCsv('name,competence,diagnose,farge\nKari,sykepleier,x,y\n');
    assert.deepEqual(r.problems.map((p) => p.field), ['diagnose', 'farge', 'position_percent', 'start_date']);
    assert.deepEqual(r.records, []);
    assert.equal(parseEmployeeCsv('').problems[0].field, 'header');
    assert.match(parseEmployeeCsv('name,competence,position_percent,start_date\n').problems[0].reasonNb, /ingen ansatte/);
  });

  test('extra competences of the unit are accepted; the same name twice without numbers is a duplicate', () => {
    const text = 'name,competence,position_percent,start_date\nA,Miljøterapeut,50,2027-01-01\nA,assistent,50,2027-01-01\n';
    // Line 2 is bad on its own, so line 3 is not yet a duplicate of it.
    assert.deepEqual(parseEmployeeCsv(text).problems.map((p) => `${p.line}:${p.field}`), ['2:competence']);
    assert.deepEqual(parseEmployeeCsv(text, { extraCompetences: ['miljøterapeut'] }).problems.map((p) => `${p.line}:${p.field}`), ['3:name']);
  });

  test('dates and percentages', () => {
    assert.equal(parseFileDate('4.1.2027'), '2027-01-04');
    assert.equal(parseFileDate('29.02.2027'), null);
    assert.equal(parseFileDate('2027-13-01'), null);
    assert.equal(parsePercent('37,5 %'), 37.5);
    assert.ok(Number.isNaN(parsePercent('full')));
  });
});
