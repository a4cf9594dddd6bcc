"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

/**
 * Below 1280 px (Tailwind's xl; the header does not fit in one line below it) the header's navigation,
 * search, language switch and sign-out fold into a disclosure: a "Menü" button with aria-expanded and
 * aria-controls. Escape closes it and returns focus to the button; following a link closes it. From xl on the
 * button is hidden and the content always shown (WCAG 1.4.10 reflow).
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // A link followed from the open menu leads to a new page: the menu closes there.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="header-menu-button"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {label}
      </button>
      {/* xl:flex stays a utility here: in the component class, `hidden` (a utility) would win over it. */}
      <div id={id} className={`header-menu-panel ${open ? "flex" : "hidden"} xl:flex`}>
        {children}
      </div>
    </>
  );
}
