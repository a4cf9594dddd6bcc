import { getPaper } from "@/lib/oparl/papers";
import { oparlObjectRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute((ctx, { paperId }: { paperId: string }) => getPaper(ctx, paperId));
