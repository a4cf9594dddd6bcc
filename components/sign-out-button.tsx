import { getTranslations } from "next-intl/server";
import { buttonClass } from "./ui/button";

/** A plain form post to /abmelden (app/abmelden/route.ts): works without JavaScript. */
export async function SignOutButton({ className }: { className?: string }) {
  const t = await getTranslations("nav");
  return (
    <form method="post" action="/abmelden" {...(className ? { className } : {})}>
      <button type="submit" className={buttonClass("secondary", "text-sm")}>
        {t("signOut")}
      </button>
    </form>
  );
}
