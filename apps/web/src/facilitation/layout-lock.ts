/** What of a selection a participant may hold on to when the template's layout is fixed. */

interface PageState {
  readonly selectedShapeIds: readonly string[]
  readonly editingShapeId: string | null
}

/**
 * The page state with the layout's shapes taken out of the selection and out of editing, or null
 * when it holds none of them (nothing to change).
 */
export function withoutLayout<T extends PageState>(state: T, layout: readonly string[]): T | null {
  if (layout.length === 0) return null
  const fixed = new Set(layout)
  const selected = state.selectedShapeIds.filter((id) => !fixed.has(id))
  const editing = state.editingShapeId !== null && fixed.has(state.editingShapeId)
  if (selected.length === state.selectedShapeIds.length && !editing) return null
  return {
    ...state,
    selectedShapeIds: selected,
    editingShapeId: editing ? null : state.editingShapeId,
  }
}
