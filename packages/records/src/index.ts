export * from './model.js'
export { recordsOf, type WorkshopMeta } from './from-result.js'
export { changeStatus, checkEditable, checkSupersedable, supersede } from './decisions.js'
export { isOverdueAction, updateAction, type ActionUpdate } from './action-items.js'
