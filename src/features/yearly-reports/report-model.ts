/**
 * A yearly report as data (issue 10 §4–5): sections of plain blocks, written in Swedish (the report
 * is what the styrgrupp adopts, whatever the reader's language). One model feeds the page, the print
 * view (PDF) and the Word document, and is what adoption freezes into the snapshot: an archived
 * report never changes under its reader, because it is no longer computed.
 */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; rows: [string, string][] }
  | {
      type: 'table'
      id: string
      caption: string
      header: string[]
      rows: string[][]
      /** Columns from this index on are numbers (right-aligned). */
      numericFrom: number
      notes?: string[]
    }
  | {
      /** A bar chart of a table's numbers; the table is always beside it (tableId). */
      type: 'bars'
      id: string
      tableId: string
      title: string
      description: string
      attribution: string
      unit: 'hours' | 'count'
      series: { key: string; label: string }[]
      categories: { label: string; values: Record<string, number | null> }[]
    }

export interface DataSection {
  key: string
  title: string
  blocks: Block[]
}

export interface ReportModel {
  title: string
  collaborationName: string
  /** The span the figures cover. */
  from: string
  to: string
  generatedOn: string
  sections: DataSection[]
}

/** A section's narrative as written, and the comments on it (frozen with the model at adoption). */
export interface Narrative {
  sectionKey: string
  narrative: string
  version: number
}

export interface CommentView {
  id: string
  sectionKey: string | null
  organisationName: string
  authorName: string
  body: string
  createdAt: string
}

export interface Snapshot {
  model: ReportModel
  narratives: Narrative[]
  comments: CommentView[]
}
