export * from './model.js'
export { type WorkshopEvent, type WorkshopEventKind, workshopEventKinds } from '@accord/templates'
export { recordsOf, type WorkshopMeta } from './from-result.js'
export { type FreeDecision, freeDecisionDraft, takesFreeDecisions } from './free-decision.js'
export {
  afterDecision,
  ledgerLine,
  lateCommitments,
  withLedger,
  changeStatus,
  checkEditable,
  checkSupersedable,
  decisionContent,
  sameDecision,
  storedDecisionContent,
  type StoredDecisionContent,
  successorContent,
  changesAnything,
  type SuccessorChanges,
  boardDecision,
  settledBy,
  notCommitted,
  supersede,
} from './decisions.js'
export { isOverdueAction, updateAction, type ActionUpdate } from './action-items.js'
export {
  aboutText,
  MAX_SEARCH_TERMS,
  resemblance,
  roughStem,
  searchTerms,
  type SimilarDecision,
} from './similar.js'
export {
  escapeHtml,
  escapeMarkdown,
  mdBlock,
  mdCell,
  mdLine,
  mdListItem,
  neutraliseLineStart,
  textLines,
} from './render/markdown.js'
export { boardLink, boardPath, type ExportMeta } from './render/meta.js'
export { summaryMarkdown, workshopMarkdown } from './render/summary-markdown.js'
export { type UnreadableResult, workshopSummary } from './summary/build.js'
export type {
  Block as SummaryBlock,
  Line as SummaryLine,
  ListItem as SummaryListItem,
  Run as SummaryRun,
  Section as SummarySection,
  SummaryDocument,
} from './summary/document.js'
export type { SummaryMeta } from './summary/parts.js'
export { madrMarkdown, type MadrLinks } from './render/madr.js'
export { madrFileName, type MadrNamed } from './render/madr-filename.js'
export { madrFolder, type FolderFile } from './render/madr-folder.js'
export {
  actionItemsCsv,
  csvField,
  csvTable,
  neutraliseFormula,
  risksCsv,
  workshopCsv,
  type ActionRow,
  type CsvOptions,
  type CsvValue,
  type RiskSource,
} from './render/csv.js'
export {
  DECISION_EXPORT_SCHEMA,
  decisionExport,
  decisionJson,
  WORKSHOP_EXPORT_SCHEMA,
  workshopExport,
  workshopJson,
  type WorkshopExportInput,
} from './render/json.js'
export { exportFileName } from './render/filename.js'
