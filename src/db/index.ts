/** Storage: drivers, migrations, repositories, demo seeding. See README.md. */
export * from './db.js';
export * from './errors.js';
export * from './repositories.js';
export { migrate, loadMigrations, type Migration, type MigrationReport } from './migrate.js';
export { createRepositories } from './sqlRepositories.js';
export { seedDemo, type SeedReport } from './seed.js';
