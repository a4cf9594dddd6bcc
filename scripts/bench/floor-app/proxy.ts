// See instrumentation.ts: this stands in for the repository's proxy.ts and matches no page of the floor.
export function proxy() {}

export const config = { matcher: "/nie" };
