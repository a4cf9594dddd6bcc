// The floor's server: the bare Next.js app of scripts/bench/floor-app (built there with `next build`) in
// production mode, served as scripts/app-server.mjs serves Konzeptwerk (node:http and Next's request handler),
// in FLOOR_PROCESSES processes sharing the port like `npm start`'s workers (node:cluster).
//   FLOOR_PORT=3272 FLOOR_PROCESSES=2 node scripts/bench/floor-server.mjs
import cluster from "node:cluster";
import http from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";

const FLOOR_DIR = fileURLToPath(new URL("./floor-app", import.meta.url));

const port = Number(process.env.FLOOR_PORT ?? 3272);
const processes = Number(process.env.FLOOR_PROCESSES ?? 1);

if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on("SIGTERM", () => {
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
  });
} else {
  const app = next({ dir: FLOOR_DIR, hostname: "127.0.0.1", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => handle(req, res));
  server.listen(port, "127.0.0.1");
  process.on("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
