import type { PreMortemResult } from '@accord/templates'
import { type FormEvent, useState } from 'react'
import { FormFooter, useCommandForm } from '../forms'
import { formLook } from './form-look'
import { PhaseSection } from '../panel-parts'
import type { TemplatePanelProps } from '../panel-props'
import { useOwnSubmission } from '../use-own-submission'
import {
  mergeScores,
  namesOf,
  readScoreSheet,
  type ScoreDraft,
  scoreCommand,
} from './pre-mortem-view'

/**
 * Scoring the risks, likelihood × impact: who has scored (never what), one's own hidden score
 * sheet, and closing the scoring.
 */
export function Scoring(
  props: TemplatePanelProps & {
    result: PreMortemResult
    scoreRisks: boolean
    closeScoring: boolean
    closed: boolean
    scorers: readonly string[]
    active: boolean
  },
) {
  const { result, send } = props
  const own = useOwnSubmission(props.roomId, props.token, 'risk-scores', props.scoreRisks)
  const ownSheet = readScoreSheet(own.value)
  const [edits, setEdits] = useState<Record<string, Partial<ScoreDraft>>>({})
  const form = useCommandForm(send)
  const [saved, setSaved] = useState(false)
  const sheet = (riskId: string) => mergeScores(ownSheet, edits, riskId)
  const names = namesOf(props.scorers, props.members)
  const people = result.participants.length
  const handedIn = Object.keys(ownSheet).length > 0

  const edit = (riskId: string, patch: Partial<ScoreDraft>) => {
    setSaved(false)
    setEdits((e) => ({ ...e, [riskId]: { ...e[riskId], ...patch } }))
  }

  async function submit(event: FormEvent) {
    if (await form.submit(event, scoreCommand(result.risks, sheet))) {
      setEdits({})
      setSaved(true)
      own.reload()
    }
  }

  return (
    <PhaseSection
      className="premortem-section"
      title="Likelihood × impact"
      active={props.active}
      testId="premortem-scoring"
    >
      <p data-testid="premortem-scorers">
        {props.scorers.length} of {people} {people === 1 ? 'has' : 'have'} scored
        {names.length > 0 ? `: ${names.join(', ')}` : ''}.
      </p>
      {props.closed && (
        <p className="form-hint" data-testid="premortem-scores-closed">
          The scoring is closed: the register is ranked by likelihood × impact.
        </p>
      )}
      {props.scoreRisks && (
        <form
          className="premortem-form"
          aria-label="My scores"
          data-testid="premortem-score-form"
          onSubmit={(event) => void submit(event)}
        >
          <p className="form-hint">
            1 = unlikely / minor, 5 = almost certain / fatal. Hidden until closed.
          </p>
          <table className="premortem-scores">
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Likelihood</th>
                <th scope="col">Impact</th>
              </tr>
            </thead>
            <tbody>
              {result.risks.map((risk) => {
                const score = sheet(risk.id)
                const name = risk.name || 'Unnamed risk'
                return (
                  <tr key={risk.id} data-testid="premortem-score-row">
                    <th scope="row">{name}</th>
                    {(['likelihood', 'impact'] as const).map((field) => (
                      <td key={field}>
                        <select
                          aria-label={`${field === 'likelihood' ? 'Likelihood' : 'Impact'} of ${name}`}
                          data-testid={`premortem-score-${field}`}
                          value={score[field] ?? ''}
                          onChange={(event) =>
                            edit(risk.id, {
                              [field]:
                                event.target.value === '' ? null : Number(event.target.value),
                            })
                          }
                        >
                          <option value="">–</option>
                          {[1, 2, 3, 4, 5].map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
          <FormFooter
            look={formLook}
            form={form}
            submitTestId="premortem-scores-save"
            status={
              saved && (
                <span className="form-hint" role="status" data-testid="premortem-scores-saved">
                  Saved.
                </span>
              )
            }
          >
            {handedIn ? 'Update my scores' : 'Hand in my scores'}
          </FormFooter>
        </form>
      )}
      {props.closeScoring && (
        <button
          type="button"
          className="button"
          data-testid="premortem-scores-close"
          disabled={props.scorers.length === 0}
          onClick={() => void send({ type: 'scores.close' })}
        >
          Close scoring
        </button>
      )}
    </PhaseSection>
  )
}
