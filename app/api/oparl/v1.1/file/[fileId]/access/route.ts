import { getFileContent } from "@/lib/oparl/files";
import { oparlFileRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

/** The access URL: the file itself, shown inline (never Content-Disposition: attachment). */
export const GET = oparlFileRoute("inline", getFileContent);
