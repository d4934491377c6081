import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { DatabaseHandle } from './database';
import { migrations } from './migrations/index';

function migratorFor(handle: DatabaseHandle): Migrator {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, migration]) => [
          name,
          {
            up: (db: Kysely<unknown>) => migration.up(db, handle.dialect),
            down: (db: Kysely<unknown>) => migration.down(db, handle.dialect),
          },
        ]),
      );
    },
  };
  return new Migrator({ db: handle.db, provider });
}

function assertSucceeded(result: MigrationResultSet): MigrationResultSet {
  if (result.error) throw result.error;
  return result;
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  return assertSucceeded(await migratorFor(handle).migrateToLatest());
}

export async function migrateDown(handle: DatabaseHandle): Promise<MigrationResultSet> {
  return assertSucceeded(await migratorFor(handle).migrateDown());
}
