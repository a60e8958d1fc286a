/**
 * Names for the demo staff: common Norwegian first and last names (SSB's lists of frequent
 * names, by memory; every combination is fictional), plus the largest groups of
 * immigrant care workers in Norway (Polish, Filipino, Swedish, Somali, Eritrean,
 * Vietnamese), who are a large part of the municipal care workforce.
 */
import type { Rng } from './random.js';

export type Gender = 'f' | 'm';

interface NameGroup {
  id: string;
  /** Relative weight of the group among the staff. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
  /** Polish surnames have a feminine form. */
  feminineLast?: (last: string) => string;
}

const NORWEGIAN: NameGroup = {
  id: 'no',
  weight: 80,
  female: [
    'Anne', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Hilde', 'Berit', 'Astrid', 'Randi',
    'Anita', 'Solveig', 'Tone', 'Silje', 'Ida', 'Nora', 'Emma', 'Sara', 'Maria', 'Thea',
    'Julie', 'Camilla', 'Kristin', 'Hanne', 'Mona', 'Elin', 'Heidi', 'Marianne', 'Linda', 'Grete',
    'Trine', 'Line', 'Lene', 'Tonje', 'Malin', 'Hanna', 'Maja', 'Amalie', 'Sofie', 'Vilde',
    'Ragnhild', 'Gunn', 'Sissel', 'Bente', 'Wenche', 'Irene', 'Elisabeth', 'Torill', 'Janne', 'Kristine',
    'Guro', 'Siri', 'Ane', 'Marte', 'Stine', 'Karoline', 'Ingvild', 'Synnøve', 'Åse', 'Oda',
  ],
  male: [
    'Ole', 'Lars', 'Per', 'Jan', 'Kjetil', 'Anders', 'Thomas', 'Martin', 'Jonas', 'Magnus',
    'Henrik', 'Erik', 'Emil', 'Sindre', 'Eirik', 'Vegard', 'Øyvind', 'Håkon', 'Tor', 'Knut',
    'Sander', 'Mathias', 'Even', 'Stian', 'Geir', 'Rune', 'Bjørn', 'Trond', 'Jørgen', 'Aksel',
  ],
  last: [
    'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
    'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
    'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
    'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
    'Amundsen', 'Rasmussen', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Kristensen', 'Fredriksen',
    'Holm', 'Lien', 'Hauge', 'Christensen', 'Andresen', 'Knudsen', 'Evensen', 'Sæther', 'Aas', 'Myhre',
    'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen', 'Berntsen', 'Sandvik', 'Rønning', 'Arnesen', 'Næss',
    'Vik', 'Haug', 'Ellingsen', 'Thorsen', 'Birkeland', 'Isaksen', 'Ruud', 'Aasen', 'Strøm', 'Myklebust',
    'Tangen', 'Ødegård', 'Eliassen', 'Helland', 'Bøe', 'Aune', 'Mikkelsen', 'Tveit', 'Brekke', 'Fjeld',
  ],
};

const GROUPS: readonly NameGroup[] = [
  NORWEGIAN,
  {
    id: 'pl',
    weight: 5,
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Anna', 'Monika', 'Ewa'],
    male: ['Tomasz', 'Piotr', 'Krzysztof', 'Marcin', 'Paweł'],
    last: ['Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Dąbrowski'],
    feminineLast: (l) => (l.endsWith('ski') ? `${l.slice(0, -3)}ska` : l),
  },
  {
    id: 'ph',
    weight: 4,
    female: ['Maricel', 'Jocelyn', 'Rowena', 'Mary Joy', 'Cristina', 'Analyn'],
    male: ['Jomar', 'Rodel', 'Mark Anthony'],
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Villanueva'],
  },
  {
    id: 'se',
    weight: 4,
    female: ['Elin', 'Frida', 'Linnéa', 'Klara', 'Ebba'],
    male: ['Johan', 'Oskar', 'Viktor', 'Gustav'],
    last: ['Andersson', 'Lindqvist', 'Johansson', 'Karlsson', 'Nilsson', 'Bergström', 'Lindberg'],
  },
  {
    id: 'so',
    weight: 3,
    female: ['Amina', 'Fadumo', 'Hodan', 'Sahra', 'Ayaan'],
    male: ['Abdirahman', 'Mohamed', 'Abdullahi'],
    last: ['Hassan', 'Ali', 'Abdi', 'Warsame', 'Farah', 'Osman'],
  },
  {
    id: 'er',
    weight: 2,
    female: ['Senait', 'Helen', 'Saba', 'Rahel', 'Luwam'],
    male: ['Yonas', 'Daniel', 'Filmon'],
    last: ['Tesfay', 'Haile', 'Kidane', 'Gebremedhin', 'Tekle'],
  },
  {
    id: 'vn',
    weight: 2,
    female: ['Linh', 'Thi Thu', 'Mai', 'Lan', 'Huong'],
    male: ['Minh', 'Duc', 'Tuan'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Vu'],
  },
];

const GROUP_WEIGHTS = GROUPS.map((g) => [g, g.weight] as const);

/** Picks names without repeats within one dataset. */
export class NamePicker {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(gender: Gender, opts: { norwegianOnly?: boolean } = {}): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const g = opts.norwegianOnly ? NORWEGIAN : this.rng.weighted(GROUP_WEIGHTS);
      const first = this.rng.pick(gender === 'f' ? g.female : g.male);
      let last = this.rng.pick(g.last);
      if (gender === 'f' && g.feminineLast) last = g.feminineLast(last);
      // Double surnames are common in Norway (about one in ten).
      if (g === NORWEGIAN && this.rng.chance(0.08)) {
        const other = this.rng.pick(g.last);
        if (other !== last) last = `${other} ${last}`;
      }
      const name = `${first} ${last}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('demo name lists exhausted');
  }
}
