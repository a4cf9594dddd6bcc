import { listConsultations } from "@/lib/oparl/consultations";
import { oparlListRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

export const GET = oparlListRoute(listConsultations);
