import { listMeetings } from "@/lib/oparl/meetings";
import { oparlListRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlListRoute(listMeetings);
