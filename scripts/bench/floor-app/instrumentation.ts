// Turbopack looks for instrumentation.ts and proxy.ts up to the workspace root (the repository): without these
// two files the floor would be built with Konzeptwerk's own. Nothing to set up here.
export function register() {}
