"use client";

import { useEffect, useRef } from "react";

/** Typing "/" here would be text, so the shortcut is off wherever focus can take text. */
function acceptsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return Boolean(
    target.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"], [role="searchbox"]',
    ),
  );
}

/**
 * The search box in the header, and the "/" shortcut: it focuses the search field of the page when there is
 * one (the search page), else this box. Modifier combinations and keys typed into text fields are left alone,
 * so screen-reader and browser shortcuts keep working.
 */
/** The box's texts, translated on the server: every page would otherwise send the client the "search" messages. */
export type HeaderSearchLabels = Record<"form" | "input" | "placeholder" | "shortcutHint" | "submit", string>;

export function HeaderSearch({ labels }: { labels: HeaderSearchLabels }) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (
        event.key !== "/" ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        event.defaultPrevented ||
        event.isComposing
      )
        return;
      if (acceptsText(event.target)) return;
      const target = document.querySelector<HTMLInputElement>("[data-search-page-input]") ?? input.current;
      if (!target) return;
      event.preventDefault();
      target.focus();
      target.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <form role="search" aria-label={labels.form} action="/suche" method="get" className="flex items-center gap-1">
      <label htmlFor="header-search-q" className="sr-only">
        {labels.input}
      </label>
      <input
        ref={input}
        id="header-search-q"
        name="q"
        type="search"
        placeholder={labels.placeholder}
        aria-keyshortcuts="/"
        aria-describedby="header-search-hint"
        className="header-search-input"
      />
      <span id="header-search-hint" className="sr-only">
        {labels.shortcutHint}
      </span>
      <button type="submit" aria-label={labels.submit} title={labels.submit} className="header-search-button">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l4.5 4.5" />
        </svg>
      </button>
    </form>
  );
}
