import { listPapers } from "@/lib/oparl/papers";
import { oparlListRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlListRoute(listPapers);
