// The web process: counts visits in Postgres and queues jobs in Redis.
const http = require('http');
const { Pool } = require('pg');
const { createClient } = require('redis');

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const queue = createClient({ url: process.env.REDIS_URL });

async function handle(req, res) {
  if (req.url === '/health') {
    await db.query('SELECT 1');
    return res.end('ok');
  }
  if (req.url.startsWith('/jobs/')) {
    await queue.lPush('jobs', decodeURIComponent(req.url.substring('/jobs/'.length)));
    return res.end('queued');
  }
  if (req.url === '/done') {
    const r = await db.query('SELECT payload FROM jobs_done ORDER BY id');
    return res.end(r.rows.map((row) => row.payload).join(','));
  }
  await db.query('INSERT INTO visits DEFAULT VALUES');
  const r = await db.query('SELECT count(*) AS n FROM visits');
  res.end('visits: ' + r.rows[0].n);
}

queue.connect().then(() => {
  http.createServer((req, res) => handle(req, res).catch((e) => { res.statusCode = 500; res.end(e.message); }))
    .listen(process.env.PORT || 5000, () => console.log('web listening on ' + (process.env.PORT || 5000)));
});
