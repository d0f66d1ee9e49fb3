/** A test database with the test seed in it, for servers started as separate processes. */
import { openDatabase } from '../../../server/db/open.js';
import { importSeed } from '../../../server/store/import.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { testSeed, TEST_NOW } from './seed.js';

export async function seededDatabase(): Promise<TestDatabase> {
  const database = await freshDatabase();
  const open = await openDatabase(database);
  // Rounds open around the real clock, for servers that read it.
  await importSeed(open.db, seedAroundNow(), new Date());
  await open.close();
  return database;
}

/** The test seed with its rounds' dates moved from TEST_NOW to the real clock, for servers that read it. */
export function seedAroundNow() {
  const seed = testSeed();
  const shift = Date.now() - TEST_NOW.getTime();
  for (const { round } of seed.rounds!) {
    if (round.opensAt) round.opensAt = new Date(Date.parse(round.opensAt) + shift).toISOString();
    if (round.closesAt) round.closesAt = new Date(Date.parse(round.closesAt) + shift).toISOString();
  }
  return seed;
}
