import { actionItems, isOverdue } from '@accord/facilitation'
import { type Editor, useValue } from 'tldraw'
import { formatDue } from './ActionBadges'
import { showShape } from './show-shape'
import { SidePanel } from '../app/SidePanel'

/** Every action item on the board, soonest due first; choosing one brings it into view. */
export function ActionItemsPanel(props: { editor: Editor; onClose: () => void }) {
  const { editor } = props
  const items = useValue('action items', () => actionItems(editor.store.allRecords()), [editor])
  const today = new Date().toISOString().slice(0, 10)
  const show = (id: string) => showShape(editor, id)
  return (
    <SidePanel
      title="Action items"
      closeLabel="Close action items"
      onClose={props.onClose}
      className="actions-panel"
      testId="action-items"
    >
      {items.length === 0 && (
        <p className="form-hint">Select a note and choose “Action item” to give it an owner.</p>
      )}
      <ul className="results">
        {items.map((item) => (
          <li key={item.shapeId}>
            <button
              type="button"
              className="results__item"
              data-testid="action-item"
              onClick={() => show(item.shapeId)}
            >
              <span className="results__label">{item.text || 'Empty note'}</span>
              <span
                className={isOverdue(item, today) ? 'action-due action-due--overdue' : 'action-due'}
              >
                {item.ownerName}
                {item.due ? ` · ${formatDue(item.due)}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </SidePanel>
  )
}
