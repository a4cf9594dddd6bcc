import { clsx } from "clsx";
import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

/** The button look (`.btn` and its variants in app/globals.css), for buttons and for links styled as buttons. */
export function buttonClass(variant: Variant = "primary", extra?: string) {
  return clsx("btn", `btn-${variant}`, extra);
}

export function Button({
  variant = "primary",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
