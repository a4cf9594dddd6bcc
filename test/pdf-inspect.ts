import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Reads a produced PDF back the way assistive technology and search would: its text per page, its metadata, the
 * roles in its structure tree and the targets of its link annotations (pdfjs-dist, legacy build for Node 20).
 */
export type InspectedPdf = {
  pageCount: number;
  pages: string[];
  text: string;
  info: Record<string, unknown>;
  marked: boolean;
  roles: Set<string>;
  /** Heading roles (H1, H2 …) in reading order, page by page. */
  headings: string[];
  linkTargets: string[];
  /** The /Contents of every link annotation (PDF/UA wants a description there). */
  linkContents: string[];
};

type StructNode = { role?: string; children?: StructNode[] };

function collectRoles(node: StructNode | null | undefined, into: Set<string>): void {
  if (!node) return;
  if (node.role) into.add(node.role);
  for (const child of node.children ?? []) collectRoles(child, into);
}

function collectHeadings(node: StructNode | null | undefined, into: string[]): void {
  if (!node) return;
  if (node.role && /^H\d$/.test(node.role)) into.push(node.role);
  for (const child of node.children ?? []) collectHeadings(child, into);
}

export const squash = (text: string) => text.replace(/\s+/g, " ").trim();

export async function inspectPdf(buffer: Buffer): Promise<InspectedPdf> {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  const roles = new Set<string>();
  const headings: string[] = [];
  const linkTargets: string[] = [];
  const linkContents: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      squash(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join("")),
    );
    const tree = (await page.getStructTree()) as StructNode;
    collectRoles(tree, roles);
    collectHeadings(tree, headings);
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === "Link") linkContents.push((annotation.contentsObj as { str?: string })?.str ?? "");
      if (annotation.subtype === "Link" && annotation.url) linkTargets.push(annotation.url as string);
      if (annotation.subtype === "Link" && annotation.unsafeUrl) linkTargets.push(annotation.unsafeUrl as string);
    }
  }
  const meta = await pdf.getMetadata();
  const markInfo = await pdf.getMarkInfo();
  const result = {
    pageCount: pdf.numPages,
    pages,
    text: pages.join(" "),
    info: meta.info as Record<string, unknown>,
    marked: !!markInfo?.Marked,
    roles,
    headings,
    linkTargets,
    linkContents,
  };
  await pdf.destroy();
  return result;
}
