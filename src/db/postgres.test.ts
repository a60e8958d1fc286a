/**
 * The conformance suite against a real PostgreSQL server (TEST_DATABASE_URL; .ci/run sets
 * it). Each run works in a fresh schema of its own, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from './db.js';
import { runRepositoryConformance } from './conformance.js';

const url = process.env.TEST_DATABASE_URL;

runRepositoryConformance(
  'PostgreSQL',
  async () => {
    const schema = `bemanna_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = await openDatabase({ url, schema });
    return {
      db,
      cleanup: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await c.end();
        }
      },
    };
  },
  { skip: url ? false : 'TEST_DATABASE_URL not set' },
);
