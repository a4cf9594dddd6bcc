"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { Toolbar } from "radix-ui";

type Command = {
  id: string;
  /** Visible text and accessible name: the same words, so speech input can say what it sees. */
  label: string;
  /** ARIA notation (Control+B); the title shows it in words. */
  keys?: string[];
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  className?: string;
};

/** aria-keyshortcuts for both Ctrl (Windows, Linux) and ⌘ (macOS), which tiptap's "Mod" stands for. */
const modKeys = (rest: string) => [`Control+${rest}`, `Meta+${rest}`];

/**
 * The formatting toolbar: one tab stop (roving tabindex; arrow keys, Home and End move between buttons),
 * each button labelled in words with its shortcut in title and aria-keyshortcuts, toggles with
 * aria-pressed. Alt+F10 in the text jumps here, Escape jumps back.
 */
export function EditorToolbar({
  editor,
  id,
  onLink,
  onReturnToText,
}: {
  editor: Editor;
  id: string;
  onLink: () => void;
  onReturnToText: () => void;
}) {
  const t = useTranslations("toolbar");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      editable: e.isEditable,
    }),
  });
  const chain = () => editor.chain();
  const locked = !state.editable;

  const groups: { label: string; commands: Command[] }[] = [
    {
      label: t("groupText"),
      commands: [
        {
          id: "bold",
          label: t("bold"),
          keys: modKeys("B"),
          pressed: state.bold,
          run: () => chain().toggleBold().run(),
          className: "font-bold",
        },
        {
          id: "italic",
          label: t("italic"),
          keys: modKeys("I"),
          pressed: state.italic,
          run: () => chain().toggleItalic().run(),
          className: "italic",
        },
        ...([2, 3, 4] as const).map((level) => ({
          id: `h${level}`,
          label: t("heading", { level }),
          keys: modKeys(`Alt+${level}`),
          pressed: state[`h${level}`],
          run: () => chain().toggleHeading({ level }).run(),
        })),
      ],
    },
    {
      label: t("groupBlocks"),
      commands: [
        {
          id: "bulletList",
          label: t("bulletList"),
          keys: modKeys("Shift+8"),
          pressed: state.bulletList,
          run: () => chain().toggleBulletList().run(),
        },
        {
          id: "orderedList",
          label: t("orderedList"),
          keys: modKeys("Shift+7"),
          pressed: state.orderedList,
          run: () => chain().toggleOrderedList().run(),
        },
        {
          id: "blockquote",
          label: t("blockquote"),
          keys: modKeys("Shift+B"),
          pressed: state.blockquote,
          run: () => chain().toggleBlockquote().run(),
        },
        { id: "link", label: t("link"), keys: modKeys("K"), pressed: state.link, run: onLink },
      ],
    },
    {
      label: t("groupTable"),
      commands: [
        {
          id: "insertTable",
          label: t("insertTable"),
          disabled: state.inTable,
          run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        },
        { id: "addRow", label: t("addRow"), disabled: !state.inTable, run: () => chain().addRowAfter().run() },
        { id: "addColumn", label: t("addColumn"), disabled: !state.inTable, run: () => chain().addColumnAfter().run() },
        { id: "deleteRow", label: t("deleteRow"), disabled: !state.inTable, run: () => chain().deleteRow().run() },
        {
          id: "deleteColumn",
          label: t("deleteColumn"),
          disabled: !state.inTable,
          run: () => chain().deleteColumn().run(),
        },
        {
          id: "deleteTable",
          label: t("deleteTable"),
          disabled: !state.inTable,
          run: () => chain().deleteTable().run(),
        },
      ],
    },
    {
      label: t("groupHistory"),
      commands: [
        { id: "undo", label: t("undo"), keys: modKeys("Z"), disabled: !state.canUndo, run: () => chain().undo().run() },
        {
          id: "redo",
          label: t("redo"),
          keys: [...modKeys("Shift+Z"), ...modKeys("Y")],
          disabled: !state.canRedo,
          run: () => chain().redo().run(),
        },
      ],
    },
  ];

  return (
    <Toolbar.Root
      id={id}
      aria-label={t("label")}
      aria-controls={`${id}-text`}
      className="flex flex-wrap items-center gap-2 rounded-t-lg border border-b-0 border-line bg-canvas p-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onReturnToText();
        }
      }}
    >
      {groups.map((group) => (
        <div
          key={group.label}
          role="group"
          aria-label={group.label}
          className="flex flex-wrap items-center gap-0.5 rounded-md border border-line bg-white p-0.5"
        >
          {group.commands.map((c) => (
            <Toolbar.Button
              key={c.id}
              type="button"
              aria-pressed={c.pressed === undefined ? undefined : c.pressed}
              aria-keyshortcuts={c.keys?.join(" ")}
              title={
                c.keys
                  ? t("withShortcut", { label: c.label, shortcut: shortcutText(c.keys[0]!, t("ctrl"), t("shift")) })
                  : c.label
              }
              disabled={locked || c.disabled}
              onClick={() => {
                c.run();
                // Back to the text at once (tiptap's focus() would wait a frame and could undo a quick caret move).
                if (c.id !== "link") editor.view.focus();
              }}
              className={clsx(
                "rounded border border-transparent px-2.5 py-1 text-sm text-ink hover:border-line hover:bg-white disabled:cursor-not-allowed disabled:text-muted disabled:opacity-70",
                "aria-pressed:border-brand aria-pressed:bg-[#e7f0fb] aria-pressed:text-brand-dark",
                c.className,
              )}
            >
              {c.label}
            </Toolbar.Button>
          ))}
        </div>
      ))}
    </Toolbar.Root>
  );
}

/** "Control+Shift+Z" → "Strg+Umschalt+Z" (German) for the visible hint. */
function shortcutText(keys: string, ctrl: string, shift: string): string {
  return keys.replace("Control", ctrl).replace("Shift", shift);
}
