// The release phase: migrates the schema before any web or worker process starts.
const { Client } = require('pg');

async function main() {
  if (process.env.FAIL_RELEASE === 'yes') {
    console.log('migration 002 failed: column "broken" does not exist');
    process.exit(1);
  }
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await db.query('CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz DEFAULT now())');
  await db.query('CREATE TABLE IF NOT EXISTS jobs_done (id serial PRIMARY KEY, payload text NOT NULL)');
  await db.end();
  console.log('migrations applied');
}

main().catch((e) => { console.log('migration error: ' + e.message); process.exit(1); });
