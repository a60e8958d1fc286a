/** The plan file's JSON Schema, generated from the same zod validators that check it. */
import { z } from 'zod';
import { PlanSchema } from './plan.js';

export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://bemanna.no/schema/plan.json',
    title: 'Bemanna plan file',
    description: 'One unit, one period: shift types, employees, staffing plan, absences, wishes, rule set and the rota (assignments).',
  };
}
