/**
 * Organisation → service areas → units: the structure the plans, staff and metrics hang on.
 * Validated at every boundary like the plan file.
 */
import { z } from 'zod';
import { IdSchema } from './primitives.js';

export const UNIT_KINDS = ['sykehjem', 'hjemmetjeneste', 'bofellesskap', 'psykisk-helse', 'sykehus'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const OrganisationSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(120).describe('e.g. "Fjordvik kommune"'),
  })
  .strict();

export const UnitSchema = z
  .object({
    id: IdSchema,
    organisation: IdSchema,
    name: z.string().min(1).max(120),
    kind: z.enum(UNIT_KINDS).describe('sykehjem, hjemmetjeneste, bofellesskap, psykisk-helse, sykehus'),
    serviceArea: z.string().min(1).max(120).describe('Tjenesteområde, for roll-ups'),
    beds: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export type Organisation = z.infer<typeof OrganisationSchema>;
export type Unit = z.infer<typeof UnitSchema>;
