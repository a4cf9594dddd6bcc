"use client";

import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { buttonClass } from "./button";

/**
 * A confirmation before an action with consequences, on the native <dialog> opened with showModal(): the page
 * behind it is inert, Escape cancels, focus starts on the cancel button and returns to the trigger on close.
 * `children` renders the confirming form and receives a function to close the dialog.
 */
export function ConfirmDialog({
  trigger,
  triggerAriaLabel,
  title,
  description,
  cancelLabel,
  emphasis,
  details,
  onOpen,
  children,
  triggerVariant = "secondary",
  largeTrigger = false,
  wide = false,
}: {
  trigger: string;
  /** When several triggers share a text, each names its object for screen readers. */
  triggerAriaLabel?: string;
  title: string;
  description: string;
  cancelLabel: string;
  /** The consequence that matters most (whose changes are taken back), read out with the description, shown on its own. */
  emphasis?: string;
  /** Runs as the dialog opens (e.g. to read what the form around it holds now). */
  onOpen?: () => void;
  /** What the description summarises, shown below it (a list, a diff); not read out when the dialog opens. */
  details?: React.ReactNode;
  children: (close: () => void) => React.ReactNode;
  triggerVariant?: "primary" | "secondary" | "danger";
  /** Full-size trigger (a main step such as "Mitzeichnung starten") instead of the small inline one. */
  largeTrigger?: boolean;
  /** Room for details such as a diff. */
  wide?: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const triggerButton = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  const shown = useRef(false);

  // The dialog exists only while open: shown as a modal once rendered; when it goes, focus returns to the trigger.
  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      cancel.current?.focus();
      shown.current = true;
    } else if (!open && shown.current) {
      shown.current = false;
      triggerButton.current?.focus();
    }
  }, [open]);
  const close = () => setOpen(false);

  return (
    <>
      <button
        ref={triggerButton}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={triggerAriaLabel}
        className={buttonClass(triggerVariant, largeTrigger ? undefined : "text-sm")}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {trigger}
      </button>
      {open
        ? // In <body>, not where the trigger sits: the confirming form never ends up inside another form.
          createPortal(
            <dialog
              ref={dialog}
              role="alertdialog"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-description`}
              // Escape (the browser's cancel) closes the element: the state follows.
              onClose={close}
              className={`m-auto max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-lg border border-line bg-white p-6 text-ink shadow-lg backdrop:bg-black/40 ${wide ? "w-[min(48rem,calc(100vw-2rem))]" : "w-[min(32rem,calc(100vw-2rem))]"}`}
            >
              <h2 id={`${id}-title`} className="text-xl font-bold">
                {title}
              </h2>
              {emphasis ? (
                <div id={`${id}-description`} className="mt-2 space-y-2">
                  <p className="text-muted">{description}</p>
                  <p className="font-semibold">{emphasis}</p>
                </div>
              ) : (
                <p id={`${id}-description`} className="mt-2 text-muted">
                  {description}
                </p>
              )}
              {details ? <div className="mt-4">{details}</div> : null}
              <div className="mt-5">{children(close)}</div>
              <button ref={cancel} type="button" className={buttonClass("secondary", "mt-3 w-full")} onClick={close}>
                {cancelLabel}
              </button>
            </dialog>,
            document.body,
          )
        : null}
    </>
  );
}
