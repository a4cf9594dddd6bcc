import { oparlObjectRoute } from "@/lib/oparl/oparl-route";
import { getSystem } from "@/lib/oparl/system-and-body";

export const dynamic = "force-dynamic";

/** The OParl entry point. */
export const GET = oparlObjectRoute((ctx) => getSystem(ctx));
