/** `npm run schema` – writes docs/plan.schema.json from the zod validators. */
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../src/core/model/jsonSchema.js';

writeFileSync('docs/plan.schema.json', JSON.stringify(planJsonSchema(), null, 2) + '\n');
console.log('wrote docs/plan.schema.json');
