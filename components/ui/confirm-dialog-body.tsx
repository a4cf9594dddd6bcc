"use client";

import { AlertDialog } from "radix-ui";
import type { RefObject } from "react";
import { buttonClass } from "./button";
import type { ConfirmDialogProps } from "./confirm-dialog";

/**
 * The open confirmation (Radix AlertDialog: focus trapped, Escape cancels), loaded when a trigger is first used:
 * pages with a confirmation do not ship the dialog code before anyone asks for it. Focus goes back to the
 * trigger when it closes.
 */
export default function ConfirmDialogBody({
  title,
  description,
  cancelLabel,
  emphasis,
  details,
  children,
  wide = false,
  onOpenChange,
  triggerRef,
}: ConfirmDialogProps & { onOpenChange: (open: boolean) => void; triggerRef: RefObject<HTMLButtonElement | null> }) {
  const close = () => onOpenChange(false);
  return (
    <AlertDialog.Root open onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            triggerRef.current?.focus();
          }}
          className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-white p-6 shadow-lg ${wide ? "w-[min(48rem,calc(100vw-2rem))]" : "w-[min(32rem,calc(100vw-2rem))]"}`}
        >
          <AlertDialog.Title className="text-xl font-bold">{title}</AlertDialog.Title>
          {emphasis ? (
            <AlertDialog.Description asChild>
              <div className="mt-2 space-y-2">
                <p className="text-muted">{description}</p>
                <p className="font-semibold">{emphasis}</p>
              </div>
            </AlertDialog.Description>
          ) : (
            <AlertDialog.Description className="mt-2 text-muted">{description}</AlertDialog.Description>
          )}
          {details ? <div className="mt-4">{details}</div> : null}
          <div className="mt-5">{children(close)}</div>
          <AlertDialog.Cancel className={buttonClass("secondary", "mt-3 w-full")}>{cancelLabel}</AlertDialog.Cancel>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
