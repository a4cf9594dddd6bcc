import "server-only";
import PDFDocument from "pdfkit";
import type { Inline } from "./content-blocks";
import { defaultFont, fontName, fontRuns, registerFonts, type FontStyle } from "./pdf-fonts";

/**
 * The low-level PDF primitives every part of the PDF export uses: a document set up for tagging, rich text
 * written as structure elements (P, H2, Link …), space checks for page breaks, and decorations that are
 * drawn as artifacts at the end, when every page exists.
 */
export type StructElement = PDFKit.PDFStructureElement;

export const COLORS = {
  text: "#1a1a1a",
  muted: "#4a4a4a",
  heading: "#173a5e",
  link: "#0b57a4",
  rule: "#8a8f98",
  headerFill: "#e6ecf2",
};
export const SIZES = { body: 10.5, small: 9, table: 9.5, lineGap: 2.5 };
export const MARGINS = { top: 68, bottom: 68, left: 70, right: 60 };

export type Decoration = { page: number; x: number; y1: number; y2: number };
export type PdfContext = { pdf: PDFKit.PDFDocument; decorations: Decoration[] };

export type PdfMeta = {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  createdAt?: Date;
  /** `<seq>:<hash>` of the audit chain, as an info entry a program finds again (lib/audit/audit-head.ts). */
  auditHead?: string;
};

// pdfkit copies every key of `info`, so an undefined value would replace its own defaults.
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createPdf(meta: PdfMeta): PdfContext {
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    tagged: true,
    lang: "de-DE",
    displayTitle: true,
    pdfVersion: "1.7",
    // The default font must be an embedded one too; pdfkit would otherwise load the unembedded Helvetica.
    font: defaultFont() as unknown as string, // pdfkit accepts font data here; its types only admit a path
    info: definedOnly({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: "Konzeptwerk",
      CreationDate: meta.createdAt,
      KonzeptwerkAuditHead: meta.auditHead,
    }),
  });
  registerFonts(pdf);
  return { pdf, decorations: [] };
}

/** Collects the whole document into one Buffer. */
export function finishPdf(ctx: PdfContext): Promise<Buffer> {
  const { pdf } = ctx;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}

export function currentPage(ctx: PdfContext): number {
  const range = ctx.pdf.bufferedPageRange();
  return range.start + range.count - 1;
}

export function pageBottom(ctx: PdfContext): number {
  return ctx.pdf.page.maxY();
}

/** A new page in the current page's layout (addPage() alone would fall back to portrait inside the appendix). */
export function newPage(ctx: PdfContext): void {
  ctx.pdf.continueOnNewPage();
}

/** Starts a new page when fewer than `height` points are left; call only between structure elements. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (ctx.pdf.y + height > pageBottom(ctx)) newPage(ctx);
}

export type Run = { text: string; style: FontStyle; href?: string };

export function runsFromInlines(inlines: Inline[], base: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const runs: Run[] = [];
  // pdfkit honours a line break in continued text only at the start of a fragment, so breaks move forward.
  let pending = "";
  for (const inline of inlines) {
    if (inline.kind === "break") {
      pending += "\n";
      continue;
    }
    const bold = inline.bold || !!base.bold;
    const italic = inline.italic || !!base.italic;
    const style: FontStyle = bold && italic ? "boldItalic" : bold ? "bold" : italic ? "italic" : "regular";
    runs.push({ text: pending + inline.text, style, href: inline.href });
    pending = "";
  }
  return runs;
}

export function plainRuns(text: string, style: FontStyle = "regular"): Run[] {
  return text ? [{ text, style }] : [];
}

export type TextBox = {
  x: number;
  width: number;
  size: number;
  color?: string;
  align?: "left" | "right" | "center";
  destination?: string;
  height?: number; // with it, text that does not fit ends in an ellipsis (one-line TOC entries, footers)
  beforeEnd?: (element: StructElement) => void; // e.g. to attach an annotation to the element
};

type Segment = { font: string; text: string; href?: string };

function segmentsOf(runs: Run[]): Segment[] {
  return runs.flatMap((run) => fontRuns(run.text, run.style).map((r) => ({ ...r, href: run.href })));
}

function groupByLink(segments: Segment[]): Segment[][] {
  const groups: Segment[][] = [];
  for (const seg of segments) {
    const last = groups.at(-1);
    if (last && last[0]!.href === seg.href) last.push(seg);
    else groups.push([seg]);
  }
  return groups;
}

/**
 * Writes runs as one flowing paragraph inside a new structure element `tag` under `parent`. Links become Link
 * elements with their annotation. With `parent` null the text is an artifact (repeated table headers).
 */
export function writeRuns(
  ctx: PdfContext,
  parent: StructElement | null,
  tag: string,
  runs: Run[],
  box: TextBox,
): boolean {
  const { pdf } = ctx;
  const segments = segmentsOf(runs);
  if (!segments.some((s) => s.text.trim())) return false;
  let first = true;
  const last = segments.at(-1);
  const draw = (group: Segment[], linked: boolean) => () => {
    for (const seg of group) {
      pdf
        .font(seg.font)
        .fontSize(box.size)
        .fillColor(seg.href && linked ? COLORS.link : (box.color ?? COLORS.text));
      // null, not undefined: pdfkit copies undefined options from the previous continued call.
      const options = {
        width: box.width,
        align: box.align ?? "left",
        lineGap: SIZES.lineGap,
        continued: seg !== last,
        link: (linked && seg.href) || null,
        underline: linked && !!seg.href,
        destination: first ? (box.destination ?? null) : null,
        ...(box.height ? { height: box.height, ellipsis: true } : {}),
      } as unknown as PDFKit.Mixins.TextOptions;
      if (first) pdf.text(seg.text, box.x, pdf.y, options);
      else pdf.text(seg.text, options);
      first = false;
    }
  };
  if (!parent) {
    pdf.markContent("Artifact");
    draw(segments, false)();
    pdf.endMarkedContent();
    return true;
  }
  const element = pdf.struct(tag);
  parent.add(element);
  for (const group of groupByLink(segments)) {
    if (!group[0]!.href) {
      element.add(draw(group, true));
      continue;
    }
    const link = pdf.struct("Link");
    element.add(link);
    const text = group
      .map((seg) => seg.text)
      .join("")
      .trim();
    const href = group[0]!.href!;
    link.add(withLinkDescription(pdf, text === href ? href : `${text} (${href})`, draw(group, true)));
    link.end();
  }
  box.beforeEnd?.(element);
  element.end();
  return true;
}

type LinkMethod = (x: number, y: number, w: number, h: number, url: string, options?: object) => unknown;

/**
 * pdfkit gives the annotation of a text link an empty /Contents; PDF/UA (7.18.5) wants a description of the
 * link there, so the annotations `draw` makes while it runs get the link's text and target.
 */
function withLinkDescription(pdf: PDFKit.PDFDocument, description: string, draw: () => void): () => void {
  return () => {
    const target = pdf as unknown as { link: LinkMethod };
    const link = target.link;
    target.link = (x, y, w, h, url, options = {}) =>
      link.call(pdf, x, y, w, h, url, { ...options, Contents: new String(description) });
    try {
      draw();
    } finally {
      delete (target as { link?: LinkMethod }).link;
    }
  };
}

/** Height the runs will take; measured with the widest style present so tables never under-allocate. */
export function measureRuns(ctx: PdfContext, runs: Run[], width: number, size: number): number {
  const text = runs.map((r) => r.text).join("");
  if (!text.trim()) return 0;
  const style: FontStyle = runs.some((r) => r.style === "bold" || r.style === "boldItalic") ? "bold" : "regular";
  ctx.pdf.font(fontName(style, "latin")).fontSize(size);
  return ctx.pdf.heightOfString(text, { width, lineGap: SIZES.lineGap });
}

export function lineHeight(ctx: PdfContext, size: number): number {
  ctx.pdf.font(fontName("regular", "latin")).fontSize(size);
  return ctx.pdf.currentLineHeight(true) + SIZES.lineGap;
}

/** Draws vector graphics as an artifact so screen readers skip them. */
export function artifact(ctx: PdfContext, paint: (pdf: PDFKit.PDFDocument) => void): void {
  ctx.pdf.markContent("Artifact");
  ctx.pdf.save();
  paint(ctx.pdf);
  ctx.pdf.restore();
  ctx.pdf.endMarkedContent();
}

/** A vertical bar from (page, y1) to (page2, y2), split per page; drawn at the end by drawDecorations. */
export function addBar(
  ctx: PdfContext,
  x: number,
  from: { page: number; y: number },
  to: { page: number; y: number },
): void {
  for (let page = from.page; page <= to.page; page++) {
    const y1 = page === from.page ? from.y : MARGINS.top;
    const y2 = page === to.page ? to.y : ctx.pdf.page.height - MARGINS.bottom;
    if (y2 > y1) ctx.decorations.push({ page, x, y1, y2 });
  }
}

export function drawDecorations(ctx: PdfContext): void {
  for (const d of ctx.decorations) {
    ctx.pdf.switchToPage(d.page);
    artifact(ctx, (pdf) => pdf.lineWidth(2).strokeColor(COLORS.rule).moveTo(d.x, d.y1).lineTo(d.x, d.y2).stroke());
  }
}
