import { getTranslations } from "next-intl/server";

/** Legal pages carry operator placeholders; the notice makes clear they are not yet filled in. */
export async function LegalPage({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations("legal");
  return (
    <main id="inhalt" className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p role="note" className="mt-4 rounded-md border border-[#f0d3a1] bg-[#fdf2e0] p-3 font-semibold text-warn">
        {t("placeholder")}
      </p>
      <div className="mt-6 space-y-4 text-lg leading-relaxed [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-bold">
        {children}
      </div>
    </main>
  );
}
