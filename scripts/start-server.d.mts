/** Workers `npm start` runs: WEB_CONCURRENCY, else one per core; always 1 on embedded PGlite (see start-server.mjs). */
export function workerCount(env?: Record<string, string | undefined>, cores?: number): number;
