"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { SectionEditorProps } from "./section-editor";

/** Client-only: the editor reads the browser draft on start and tiptap needs the DOM anyway. */
const SectionEditor = dynamic(() => import("./section-editor"), { ssr: false, loading: () => <EditorLoading /> });

function EditorLoading() {
  const t = useTranslations("editor");
  return <p className="mt-4 rounded-lg border border-line bg-white p-8 text-muted">{t("loading")}</p>;
}

export function SectionEditorLoader(props: SectionEditorProps) {
  return <SectionEditor {...props} />;
}
