import { getMeeting } from "@/lib/oparl/meetings";
import { oparlObjectRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlObjectRoute((ctx, { meetingId }: { meetingId: string }) => getMeeting(ctx, meetingId));
