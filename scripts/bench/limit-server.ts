/**
 * The limit: a bare Node HTTP server that answers GET /<page> by running exactly the SQL the app ran for that
 * page (captured from the app's query log), in parallel over the same pool size, and sending the rows as
 * JSON. No framework, no session, no rendering — what the database and the driver alone allow. It runs as
 * many processes as the app (LIMIT_PROCESSES, sharing the port like `npm start`'s workers).
 *   LIMIT_QUERIES=file.json LIMIT_PORT=3271 LIMIT_PROCESSES=2 (DATABASE_URL=… | PGLITE_DIR=…) node --import tsx scripts/bench/limit-server.ts
 */
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

const processes = Number(process.env.LIMIT_PROCESSES ?? 1);
if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  });
} else {
  await serve();
}

type Captured = { query: string; params: unknown[] };

async function serve() {
  const pages = JSON.parse(fs.readFileSync(process.env.LIMIT_QUERIES!, "utf8")) as Record<string, Captured[]>;
  const port = Number(process.env.LIMIT_PORT ?? 3271);

  let run: (q: Captured) => Promise<unknown[]>;
  let close: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const sql = postgres(process.env.DATABASE_URL, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    run = (q) => sql.unsafe(q.query, q.params as postgres.ParameterOrJSON<never>[]);
    close = () => sql.end({ timeout: 5 });
  } else {
    const db = await PGlite.create(process.env.PGLITE_DIR!);
    run = async (q) => (await db.query(q.query, q.params)).rows;
    close = () => db.close();
  }

  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "/").slice(1));
    if (name === "health") return void res.end("ok");
    const queries = pages[name];
    if (!queries) {
      res.statusCode = 404;
      return void res.end();
    }
    Promise.all(queries.map(run)).then(
      (rows) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value)));
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  server.listen(port, "127.0.0.1");
  process.on("SIGTERM", () => server.close(() => void close().then(() => process.exit(0))));
}
