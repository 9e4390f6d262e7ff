// The content of an official document, independent of its format: the PDF (render-pdf.ts) and the Excel file
// (render-sheet.ts) are drawn from the same value, and its fingerprint (numbering.ts) decides whether a regenerated
// document keeps its 文号.

export type TDocumentCell = string | number;

/** One column: `width` in PDF points (null takes what the others leave), `sheetWidth` in Excel characters. */
export type TDocumentColumn = { header: string; width: number | null; sheetWidth: number; center?: boolean };

export type TDocumentSection =
  /** A paragraph of text (a formula, a note, a preamble). */
  | { type: 'paragraph'; text: string }
  /** A bordered table; in Excel each table is a sheet named `sheetName` (or the heading) with the document's header rows. */
  | { type: 'table'; heading?: string; sheetName?: string; columns: TDocumentColumn[]; rows: TDocumentCell[][]; empty: string }
  /** Boxes to sign or stamp (推荐单位（盖章） | 负责人签字 | 日期), at the end. */
  | { type: 'signature'; labels: string[] };

export type TDocumentContent = {
  title: string;
  /** One line under the 文号, e.g. 推荐单位：某党委    已推荐 2 / 5. */
  subtitle?: string;
  landscape?: boolean;
  sections: TDocumentSection[];
};

/** What the numbering gives a document: who issues it, its 文号 and its date. */
export type TDocumentHeader = { issuer: string; number: string; issuedAt: Date };

export const DOCUMENT_FORMATS = ['pdf', 'xlsx'] as const;
export type TDocumentFormat = (typeof DOCUMENT_FORMATS)[number];
