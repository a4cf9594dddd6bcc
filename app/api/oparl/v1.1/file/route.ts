import { listFiles } from "@/lib/oparl/files";
import { oparlListRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlListRoute(listFiles);
