import { getConsultation } from "@/lib/oparl/consultations";
import { oparlObjectRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute((ctx, { consultationId }: { consultationId: string }) =>
  getConsultation(ctx, consultationId),
);
