type Tone = "neutral" | "info" | "ok" | "warn" | "danger";

/** A status pill (`.badge` and its tones in app/globals.css). */
export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: Tone;
  children: React.ReactNode;
  title?: string;
}) {
  // Without a title, no `title` prop: an undefined prop still costs the RSC payload `"title":"$undefined"`.
  return (
    <span className={`badge badge-${tone}`} {...(title ? { title } : {})}>
      {children}
    </span>
  );
}
