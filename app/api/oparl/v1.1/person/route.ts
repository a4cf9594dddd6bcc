import { oparlListRoute } from "@/lib/oparl/oparl-route";
import { listPersons } from "@/lib/oparl/system-and-body";

export const dynamic = "force-dynamic";

export const GET = oparlListRoute(listPersons);
