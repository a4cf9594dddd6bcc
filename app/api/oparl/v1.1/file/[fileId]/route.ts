import { getFile } from "@/lib/oparl/files";
import { oparlObjectRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute((ctx, { fileId }: { fileId: string }) => getFile(ctx, fileId));
