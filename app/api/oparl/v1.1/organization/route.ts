import { listOrganizations } from "@/lib/oparl/organizations";
import { oparlListRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlListRoute(listOrganizations);
