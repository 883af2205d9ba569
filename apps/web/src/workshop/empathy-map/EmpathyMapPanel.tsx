import type { EmpathyMapResult } from '@accord/templates'
import { phaseFocus } from '../../facilitation/board-focus'
import type { TemplatePanelProps } from '../panel-props'
import { ActionList, NoteList, PanelSection, ShowOnBoard } from '../panel-parts'
import { useBoardIndex } from '../use-board-index'

/**
 * An empathy map's state: who it is about, each region of the canvas with its notes (the one the
 * current phase is about marked), and the synthesis — insights and needs — as lists.
 */
export function EmpathyMapPanel(props: TemplatePanelProps<EmpathyMapResult>) {
  const { editor, state } = props
  const { result } = props
  const board = useBoardIndex(editor)
  const focus = phaseFocus(state.plan)
  const notesOf = (key: string) => board.notes.get(key) ?? []

  return (
    <div className="workshop-body empathy-panel" data-testid="empathy-panel">
      <p className="workshop-meta" data-testid="empathy-persona">
        {result.persona ? `Mapping: ${result.persona}` : 'Who we empathise with: see “Who”.'}
      </p>

      <PanelSection title="The map" testId="empathy-regions">
        <ul className="workshop-list">
          {result.regions.map((region) => (
            <li
              key={region.key}
              className={
                region.key === focus ? 'workshop-region workshop-region--focus' : 'workshop-region'
              }
              data-testid="empathy-region"
              data-region={region.key}
              aria-current={region.key === focus ? 'step' : undefined}
            >
              <div className="workshop-row">
                <ShowOnBoard editor={editor} shapeId={board.frames.get(region.key) ?? null}>
                  {region.title}
                </ShowOnBoard>
                {region.key === focus && <span className="workshop-status">Now</span>}
                <span className="workshop-count" data-testid="empathy-region-count">
                  {region.notes.length}
                </span>
              </div>
              {notesOf(region.key).length > 0 && (
                <NoteList editor={editor} notes={notesOf(region.key)} empty="" />
              )}
            </li>
          ))}
        </ul>
      </PanelSection>

      <PanelSection title="Insights" count={result.insights.length} testId="empathy-insights">
        <NoteList
          editor={editor}
          notes={notesOf('insights')}
          empty="What did we learn about them? One insight per note in “Insights”."
          testId="empathy-insight"
        />
      </PanelSection>

      <PanelSection title="Needs" count={result.needs.length} testId="empathy-needs">
        <NoteList
          editor={editor}
          notes={notesOf('needs')}
          empty="What do they need? One need per note in “Needs”."
          testId="empathy-need"
        />
      </PanelSection>

      {result.actions.length > 0 && <ActionList editor={editor} actions={result.actions} />}
    </div>
  )
}
