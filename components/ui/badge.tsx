import { clsx } from "clsx";

type Tone = "neutral" | "info" | "ok" | "warn" | "danger";
const TONES: Record<Tone, string> = {
  neutral: "bg-white text-ink border-line",
  info: "bg-[#e7f0fb] text-brand-dark border-[#b7cfee]",
  ok: "bg-[#e6f4ea] text-ok border-[#b5dcc0]",
  warn: "bg-[#fdf2e0] text-warn border-[#f0d3a1]",
  danger: "bg-[#fce8e6] text-danger border-[#f2b8b5]",
};

export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: Tone;
  children: React.ReactNode;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={clsx("inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold", TONES[tone])}
    >
      {children}
    </span>
  );
}
