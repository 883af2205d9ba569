export { boardProblem, INCOMPATIBLE_BOARD, schemaProblem } from './board-compatibility.js'
export {
  bindPresence,
  presenceIdFor,
  presenceRecordChanges,
  type AwarenessChanges,
  type PresenceBindingOptions,
} from './presence.js'
export { applyRemoteRecords } from './remote-records.js'
export {
  bindStoreToDoc,
  META_MAP,
  RECORDS_MAP,
  recordsOf,
  type BindOptions,
  type BindResult,
  type StoreBinding,
} from './store-binding.js'
export {
  baseBoardRecords,
  boardSchema,
  CONTENT_TOP,
  FIRST_PAGE_ID,
  gridInRegion,
  layoutRecords,
  PROMPT_HEIGHT,
  regionText,
  regionTextHeight,
  type LayoutRecords,
  type RegionSpec,
} from './layout-records.js'
export {
  firstPageId,
  highestIndex,
  indicesOnTop,
  NOTE_AUTHOR_META,
  noteAuthor,
  noteColors,
  noteRecord,
  plainTextToRichText,
  type NoteColor,
  type NoteSpec,
} from './note-records.js'
export {
  BOARD_RECORD_TYPES,
  boardRecordProblem,
  DEFAULT_MAX_RECORD_BYTES,
  plainJsonSize,
  type RecordCheckOptions,
} from './record-validation.js'
