import "server-only";
import { getTranslations } from "next-intl/server";

/**
 * The download button's messages, with `{file}` and `{message}` left in for the button to fill in once it knows
 * them. Formatted, not read raw: the message files are compiled at build time, so a raw message is no string.
 */
export async function exportDownloadLabels() {
  const t = await getTranslations("export");
  return { busy: t("busy"), done: t("done", { file: "{file}" }), failed: t("failed", { message: "{message}" }) };
}
