import { getDb } from "@/db/client";
import { isDemoDataPresent } from "@/demo/demo-presence";
import { planningToday } from "@/lib/clock";
import { jsonRoute } from "@/lib/http/route-handler";
import { calendarFeed } from "@/lib/planning/calendar-feed";

export const dynamic = "force-dynamic";

/** Personal iCal feed; the secret token in the URL is the credential (calendar apps send no cookies). */
export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const token = (await params).token.replace(/\.ics$/, "");
  const db = await getDb();
  const ics = await calendarFeed(db, token, planningToday(await isDemoDataPresent(db)));
  if (!ics)
    return new Response("Nicht gefunden.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
});
