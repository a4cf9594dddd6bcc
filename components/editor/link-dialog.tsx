"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";
import { isAllowedHref } from "@/lib/content/editor-extensions";

/** Adds "https://" to a bare address like "www.example.org"; anything else is judged as typed. */
function normalise(input: string): string {
  const value = input.trim();
  if (!value) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}

/**
 * Asks for a link address in a native modal <dialog> (the text behind it is inert, Escape closes, focus returns
 * to the text). Only http, https and mailto are accepted — the same rule the server enforces.
 */
export function LinkDialog({
  editor,
  open,
  onOpenChange,
}: {
  editor: Editor;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  useEffect(() => {
    if (!open || !dialog.current || dialog.current.open) return;
    dialog.current.showModal();
    dialog.current.querySelector("input")?.focus();
  }, [open]);
  if (!open) return null;
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onClose={() => {
        onOpenChange(false);
        // ProseMirror's own focus, synchronous: the caret is in place before the next key press.
        editor.view.focus();
      }}
      className="m-auto w-[min(32rem,92vw)] rounded-lg border border-line bg-white p-6 text-ink shadow-xl backdrop:bg-ink/40"
    >
      <LinkForm key={current} id={id} editor={editor} initial={current} onDone={() => dialog.current?.close()} />
    </dialog>,
    document.body,
  );
}

function LinkForm({
  id,
  editor,
  initial,
  onDone,
}: {
  id: string;
  editor: Editor;
  initial: string;
  onDone: () => void;
}) {
  const t = useTranslations("linkDialog");
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const href = normalise(value);
    if (!isAllowedHref(href)) {
      setError(t("invalid"));
      return;
    }
    const { empty } = editor.state.selection;
    const chain = editor.chain().extendMarkRange("link");
    if (empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: value.trim(), marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onDone();
  }

  function remove() {
    editor.chain().extendMarkRange("link").unsetLink().run();
    onDone();
  }

  return (
    <form onSubmit={apply} noValidate>
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {initial ? t("editTitle") : t("title")}
      </h2>
      <p id={`${id}-description`} className="mt-2 text-muted">
        {t("description")}
      </p>
      <div className="mt-4 flex flex-col gap-1">
        <label htmlFor="link-href" className="font-semibold">
          {t("address")}
        </label>
        <input
          id="link-href"
          type="url"
          inputMode="url"
          autoComplete="url"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "link-href-error" : "link-href-hint"}
          className="rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-danger"
        />
        {error ? (
          <p id="link-href-error" role="alert" className="text-sm font-semibold text-danger">
            {error}
          </p>
        ) : (
          <p id="link-href-hint" className="text-sm text-muted">
            {t("hint")}
          </p>
        )}
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit">{t("apply")}</Button>
        {initial ? (
          <Button type="button" variant="secondary" onClick={remove}>
            {t("remove")}
          </Button>
        ) : null}
        <Button type="button" variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
