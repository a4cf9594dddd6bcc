import { oparlObjectRoute } from "@/lib/oparl/oparl-route";
import { getPerson } from "@/lib/oparl/system-and-body";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute(() => getPerson());
