import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/sign-out-action";
import { buttonClass } from "./ui/button";

export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClass("secondary", "px-3 py-1 text-sm")}>
        {t("signOut")}
      </button>
    </form>
  );
}
