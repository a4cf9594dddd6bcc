import { oparlObjectRoute } from "@/lib/oparl/oparl-route";
import { getBody } from "@/lib/oparl/system-and-body";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute((ctx, { bodyId }: { bodyId: string }) => getBody(ctx, bodyId));
