import { getFileContent } from "@/lib/oparl/files";
import { oparlFileRoute } from "@/lib/oparl/oparl-route";

export const dynamic = "force-dynamic";

/** The download URL: the same bytes with Content-Disposition: attachment and the file name. */
export const GET = oparlFileRoute("attachment", getFileContent);
