import { getTranslations } from "next-intl/server";
import { buttonClass } from "./ui/button";

export async function SignOutButton({ action }: { action: () => Promise<void> }) {
  const t = await getTranslations("nav");
  return (
    <form action={action}>
      <button type="submit" className={buttonClass("secondary", "px-3 py-1 text-sm")}>
        {t("signOut")}
      </button>
    </form>
  );
}
