import { getOrganization } from "@/lib/oparl/organizations";
import { oparlObjectRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute((ctx, { organizationId }: { organizationId: string }) =>
  getOrganization(ctx, organizationId),
);
