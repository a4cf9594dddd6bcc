/** Opens the database at server start (see instrumentation-node.ts); Node runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseAtStart } = await import("./instrumentation-node");
    await openDatabaseAtStart();
  }
}
