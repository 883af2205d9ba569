import type { PreMortemResult } from '@accord/templates'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomMember } from '../../api/workshop'
import { showShape } from '../../facilitation/show-shape'
import type { Send } from '../form-command'
import { PhaseSection } from '../panel-parts'
import { MitigationForm } from './MitigationForm'
import { type Ranking, riskScoreText } from './pre-mortem-view'

/** The ranked risk register: each risk, its rank and score, and its mitigation and owner. */
export function RiskRegister(props: {
  result: PreMortemResult
  ranking: Ranking
  members: readonly RoomMember[]
  editor: Editor
  mitigate: boolean
  send: Send
  active: boolean
}) {
  const { result, ranking } = props
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <PhaseSection
      className="premortem-section"
      title="Risk register"
      active={props.active}
      testId="premortem-register"
    >
      {result.risks.length === 0 ? (
        <p className="form-hint" data-testid="premortem-no-risks">
          No risks yet: group the reasons on the board and name each group.
        </p>
      ) : (
        <ol className="premortem-risks">
          {result.risks.map((risk) => (
            <li key={risk.id} className="premortem-risk" data-testid="premortem-risk">
              <button
                type="button"
                className="premortem-risk__head"
                title="Show it on the board"
                onClick={() => showShape(props.editor, risk.id)}
              >
                <span className="premortem-risk__rank" data-testid="premortem-risk-rank">
                  {risk.rank ?? '–'}
                </span>
                <span className="premortem-risk__name" data-testid="premortem-risk-name">
                  {risk.name || 'Unnamed risk'}
                </span>
                <span className="premortem-risk__score" data-testid="premortem-risk-score">
                  {riskScoreText(risk, ranking)}
                </span>
              </button>
              <p className="form-hint">
                {risk.reasons.length} {risk.reasons.length === 1 ? 'reason' : 'reasons'}
              </p>
              {editing === risk.id ? (
                <MitigationForm
                  risk={risk}
                  members={props.members}
                  send={props.send}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <>
                  {risk.mitigation ? (
                    <p className="premortem-mitigation" data-testid="premortem-mitigation">
                      {risk.mitigation.text}{' '}
                      <span className="premortem-mitigation__owner">
                        — {risk.mitigation.ownerName}
                      </span>
                    </p>
                  ) : (
                    <p className="form-hint">No mitigation yet.</p>
                  )}
                  {props.mitigate && (
                    <button
                      type="button"
                      className="button button--quiet"
                      data-testid="premortem-mitigate"
                      onClick={() => setEditing(risk.id)}
                    >
                      {risk.mitigation ? 'Edit the mitigation' : 'Add a mitigation'}
                    </button>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {result.unclustered.length > 0 && (
        <p className="form-hint" data-testid="premortem-register-unclustered">
          {result.unclustered.length}{' '}
          {result.unclustered.length === 1 ? 'reason is' : 'reasons are'} in no risk.
        </p>
      )}
    </PhaseSection>
  )
}
