/**
 * The floor: the bare Next.js page of scripts/bench/floor-app (a plain table, `?rows=N`), built and served like the
 * app, measured at the response size of each app page. Sizes are HTML bytes as a client without compression
 * receives them (autocannon sends no Accept-Encoding), the RSC payload inlined in the HTML included.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startProcess, type Server } from "./http";

const FLOOR_DIR = path.join(process.cwd(), "scripts", "bench", "floor-app");
/** Rows for the first estimate of the bytes a row costs. */
const PROBE_ROWS = 1000;
const MAX_STEPS = 6;

/** `next build` of the floor app, in its own folder (its `.next` holds the build). */
export function buildFloor() {
  execFileSync(process.execPath, [path.join(process.cwd(), "node_modules/next/dist/bin/next"), "build"], {
    cwd: FLOOR_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export function floorBuilt(): boolean {
  return fs.existsSync(path.join(FLOOR_DIR, ".next", "BUILD_ID"));
}

export function startFloor(port: number, processes: number): Promise<Server> {
  return startProcess(
    ["scripts/bench/floor-server.mjs"],
    { FLOOR_PORT: String(port), FLOOR_PROCESSES: String(processes) },
    port,
    "/table?rows=0",
  );
}

export type FloorSize = { rows: number; bytes: number };

/**
 * Finds the number of rows whose page is `target` bytes (within `tolerance`), given the page's size for a number
 * of rows: a line through 0 and PROBE_ROWS rows, then secant steps (a row's size grows with its number's digits).
 * A target below the empty table's size gives the empty table. Sizes already asked are remembered.
 */
export function floorSizer(sizeOf: (rows: number) => Promise<number>, tolerance = 0.02) {
  const known = new Map<number, number>();
  const size = async (rows: number) => {
    if (!known.has(rows)) known.set(rows, await sizeOf(rows));
    return known.get(rows)!;
  };
  return async function rowsFor(target: number): Promise<FloorSize> {
    const empty = await size(0);
    if (target <= empty) return { rows: 0, bytes: empty };
    let [r0, b0] = [0, empty];
    let [r1, b1] = [PROBE_ROWS, await size(PROBE_ROWS)];
    let best: FloorSize =
      Math.abs(b1 - target) < Math.abs(b0 - target) ? { rows: r1, bytes: b1 } : { rows: 0, bytes: b0 };
    for (let step = 0; step < MAX_STEPS && Math.abs(best.bytes - target) > target * tolerance; step++) {
      const perRow = (b1 - b0) / (r1 - r0);
      const rows = Math.max(0, Math.round(r1 + (target - b1) / perRow));
      if (rows === r1) break;
      const bytes = await size(rows);
      [r0, b0, r1, b1] = [r1, b1, rows, bytes];
      if (Math.abs(bytes - target) < Math.abs(best.bytes - target)) best = { rows, bytes };
    }
    return best;
  };
}
