// The app's HTTP server: Next.js and live editing on one port. Every request goes to Next's handler; a WebSocket
// upgrade on /collab goes to the live-editing server (Hocuspocus over crossws), every other upgrade to Next (the
// dev server's hot reload). The live-editing server itself is app code (lib/collab/) compiled by Next: Next's
// instrumentation creates it at start and leaves it on globalThis, where this file picks it up — so it shares
// the database handle, the permission rules and the content check with the pages, in dev and production.
//
// `npm run dev` runs this in development, `npm start` (scripts/start-server.mjs) in production.
// Arguments as `next start`: -p/--port, -H/--hostname, --keepAliveTimeout.
import http from "node:http";
import crossws from "crossws/adapters/node";
import next from "next";

const COLLAB_PATH = "/collab";
const collabKey = Symbol.for("konzeptwerk.collab");

function parseArgs(argv) {
  const options = { port: Number(process.env.PORT) || 3000, hostname: process.env.HOSTNAME || undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "-p" || arg === "--port") options.port = Number(value);
    else if (arg === "-H" || arg === "--hostname") options.hostname = value;
    else if (arg === "--keepAliveTimeout") options.keepAliveTimeout = Number(value);
    else continue;
    i++;
  }
  return options;
}

const dev = process.argv.includes("--dev");
const options = parseArgs(process.argv.slice(2).filter((a) => a !== "--dev"));
const app = next({ dev, hostname: options.hostname ?? "localhost", port: options.port });
const handle = app.getRequestHandler();
await app.prepare();
const nextUpgrade = app.getUpgradeHandler();

const collab = () => globalThis[collabKey] ?? null;
const ws = crossws({
  // The largest valid change is the largest allowed text (512 KB) and some Yjs overhead.
  serverOptions: { maxPayload: 4 * 1024 * 1024 },
  hooks: {
    open(peer) {
      peer._hocuspocus = collab()?.hocuspocus.handleConnection(peer.websocket, peer.request);
      if (!peer._hocuspocus) peer.close(1013, "Live-Bearbeitung nicht bereit");
    },
    message(peer, message) {
      peer._hocuspocus?.handleMessage(message.uint8Array());
    },
    close(peer, event) {
      peer._hocuspocus?.handleClose({ code: event.code, reason: event.reason });
    },
    error(peer, error) {
      console.error("Konzeptwerk: Live-Verbindung", error);
    },
  },
});

const server = http.createServer((req, res) => handle(req, res));
if (options.keepAliveTimeout) server.keepAliveTimeout = options.keepAliveTimeout;
server.on("upgrade", (req, socket, head) => {
  const path = (req.url ?? "").split("?")[0];
  if (path === COLLAB_PATH) {
    if (!collab()) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\n\r\n");
      return;
    }
    ws.handleUpgrade(req, socket, head);
    return;
  }
  nextUpgrade(req, socket, head);
});
server.listen(options.port, options.hostname, () => {
  console.log(
    `Konzeptwerk: bereit auf http://${options.hostname ?? "localhost"}:${options.port} (Live-Bearbeitung unter ${COLLAB_PATH}).`,
  );
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Open live documents are written before the process ends: nothing acknowledged is lost.
  await collab()
    ?.close()
    .catch((error) => console.error("Konzeptwerk: Live-Dokumente beim Beenden", error));
  server.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
