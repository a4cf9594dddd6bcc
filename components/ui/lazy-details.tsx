"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A native <details> disclosure whose content is rendered when it is first opened, not with the page: a
 * section with 150 threads has a decision form and a mention picker per thread, and rendering them all made
 * the page megabytes long. Once opened, the content stays mounted (closing only hides it), so what was typed
 * or ticked is kept and submitted. `always` renders the content from the start (e.g. to show an error in it);
 * `after` is rendered in the disclosure whether it was opened or not.
 */
export function LazyDetails({
  summary,
  className,
  summaryClassName,
  always = false,
  after,
  children,
}: {
  summary: ReactNode;
  className?: string;
  summaryClassName?: string;
  always?: boolean;
  after?: ReactNode;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before hydration (the native disclosure works without script): render the content now.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened || always ? children : null}
      {after}
    </details>
  );
}
