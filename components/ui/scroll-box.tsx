import { clsx } from "clsx";

/**
 * A wide table's own horizontal scroll area (a named section: a region landmark), so the page itself never scrolls sideways (WCAG 1.4.10). It is a
 * named region and takes keyboard focus, so people without a mouse or touch can scroll it with the arrow keys
 * (WCAG 2.1.1); name it after the table it holds, by `label` or by the id of a visible heading.
 * `.scroll-box` is `relative`: an absolutely placed child (a button's sr-only text) is clipped here too, or it
 * widens the page.
 */
export function ScrollBox({
  label,
  labelledBy,
  className,
  children,
}: { className?: string; children: React.ReactNode } & (
  { label: string; labelledBy?: never } | { labelledBy: string; label?: never }
)) {
  return (
    <section
      // Only the name given: an undefined prop would still cost the RSC payload `"aria-labelledby":"$undefined"`.
      {...(label ? { "aria-label": label } : { "aria-labelledby": labelledBy })}
      tabIndex={0}
      className={clsx("scroll-box", className)}
    >
      {children}
    </section>
  );
}
