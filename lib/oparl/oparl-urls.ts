import { appUrl } from "@/lib/mail/app-url";
import { readEnv } from "@/config/env";

export const OPARL_PATH = "/api/oparl/v1.1";
/** The one body this installation publishes: the city. */
export const BODY_KEY = "1";

export type OparlListKind = "body" | "organization" | "person" | "meeting" | "paper" | "consultation" | "file";
export type OparlObjectKind = "body" | "organization" | "meeting" | "paper" | "consultation" | "file";

/**
 * Object ids are URLs. They are built from APP_URL or NEXTAUTH_URL (the public address) so that they stay
 * stable whatever host a request came in through; only without either the request's own origin is used.
 */
export function oparlOrigin(requestUrl: string, env: Record<string, string | undefined> = process.env): string {
  const { APP_URL, NEXTAUTH_URL } = readEnv(env);
  if (APP_URL || NEXTAUTH_URL) return appUrl("/", env).replace(/\/+$/, "");
  return new URL(requestUrl).origin;
}

export type OparlUrls = ReturnType<typeof oparlUrls>;

export function oparlUrls(origin: string) {
  const root = `${origin}${OPARL_PATH}`;
  return {
    root,
    system: `${root}/system`,
    body: `${root}/body/${BODY_KEY}`,
    list: (kind: OparlListKind) => `${root}/${kind}`,
    object: (kind: OparlObjectKind, id: string) => `${root}/${kind}/${id}`,
    fileAccess: (id: string) => `${root}/file/${id}/access`,
    fileDownload: (id: string) => `${root}/file/${id}/download`,
    /** The app itself, for System.website. */
    website: `${origin}/`,
  };
}

/** Meetings are derived from the Beratungsfolge: one per committee and meeting date. */
export function meetingKey(committeeId: string, meetingDate: string): string {
  return `${committeeId}_${meetingDate}`;
}

const MEETING_KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\d{4}-\d{2}-\d{2})$/i;

export function parseMeetingKey(key: string): { committeeId: string; meetingDate: string } | null {
  const match = MEETING_KEY.exec(key);
  if (!match) return null;
  const date = new Date(`${match[2]}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[2]) return null;
  return { committeeId: match[1]!.toLowerCase(), meetingDate: match[2]! };
}
