// The worker process: takes jobs from Redis and records them in Postgres.
const { Pool } = require('pg');
const { createClient } = require('redis');

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const queue = createClient({ url: process.env.REDIS_URL });

async function main() {
  await queue.connect();
  console.log('worker waiting for jobs');
  for (;;) {
    const job = await queue.brPop('jobs', 0);
    await db.query('INSERT INTO jobs_done (payload) VALUES ($1)', [job.element]);
    console.log('done ' + job.element);
  }
}

main().catch((e) => { console.log('worker error: ' + e.message); process.exit(1); });
