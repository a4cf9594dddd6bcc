"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { ProposalEditorProps } from "./proposal-editor";

const ProposalEditor = dynamic(() => import("./proposal-editor"), { ssr: false, loading: () => <Loading /> });

function Loading() {
  const t = useTranslations("editor");
  return <p className="mt-4 rounded-lg border border-line bg-white p-8 text-muted">{t("loading")}</p>;
}

/** Client-only, so only the proposal pages load tiptap. */
export function ProposalEditorLoader(props: ProposalEditorProps) {
  return <ProposalEditor {...props} />;
}
