"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { useState } from "react";
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
 * Asks for a link address in an accessible dialog (focus trapped, Escape closes, focus returns to the
 * text). Only http, https and mailto are accepted — the same rule the server enforces.
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
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-white p-6 shadow-xl"
          onCloseAutoFocus={(event) => {
            // ProseMirror's own focus, synchronous: the caret is in place before the next key press.
            event.preventDefault();
            editor.view.focus();
          }}
        >
          {open ? (
            <LinkForm key={current} editor={editor} initial={current} onDone={() => onOpenChange(false)} />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function LinkForm({ editor, initial, onDone }: { editor: Editor; initial: string; onDone: () => void }) {
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
      <Dialog.Title className="text-xl font-bold">{initial ? t("editTitle") : t("title")}</Dialog.Title>
      <Dialog.Description className="mt-2 text-muted">{t("description")}</Dialog.Description>
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
        <Dialog.Close asChild>
          <Button type="button" variant="ghost">
            {t("cancel")}
          </Button>
        </Dialog.Close>
      </div>
    </form>
  );
}
