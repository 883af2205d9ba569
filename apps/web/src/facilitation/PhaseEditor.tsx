import {
  PHASE_LIMITS,
  type PhaseInput,
  type PhasePlan,
  type PhasePreset,
  phasePresets,
  type PhaseRules,
} from '@accord/facilitation'
import { type FormEvent, useState } from 'react'
import type { BoardRegion } from './note-regions'
import { phaseInputs, withFocus, withTimerMinutes } from './phase-inputs'
import type { RoomCommand } from './use-room-command'

const presetNames = Object.keys(phasePresets) as PhasePreset[]

/** The on/off rules of a phase, as the editor labels them. */
const switches = [
  ['boardEditing', 'Board editing'],
  ['privateWriting', 'Private writing'],
  ['voting', 'Voting'],
] as const satisfies readonly (readonly [keyof PhaseRules, string])[]

/**
 * The facilitator's editor for the list of phases: add, rename, reorder, remove, set rules, the
 * timer each suggests and the template region each is about.
 */
export function PhaseEditor(props: {
  plan: PhasePlan
  /** The template's regions on the board, which a phase can bring into everyone's view. */
  regions: readonly BoardRegion[]
  send: (command: RoomCommand) => Promise<boolean>
  onClose: () => void
}) {
  const [phases, setPhases] = useState<PhaseInput[]>(() => phaseInputs(props.plan))
  const [preset, setPreset] = useState<PhasePreset>('free')

  const update = (index: number, change: Partial<PhaseInput>) =>
    setPhases(phases.map((phase, i) => (i === index ? { ...phase, ...change } : phase)))
  const replace = (index: number, edit: (phase: PhaseInput) => PhaseInput) =>
    setPhases(phases.map((phase, i) => (i === index ? edit(phase) : phase)))
  const setRule = (index: number, rule: Partial<PhaseRules>) => {
    const phase = phases[index]
    if (phase) update(index, { rules: { ...phase.rules, ...rule } })
  }
  const move = (index: number, by: number) => {
    const target = index + by
    if (target < 0 || target >= phases.length) return
    const next = [...phases]
    const [moved] = next.splice(index, 1)
    if (moved) next.splice(target, 0, moved)
    setPhases(next)
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (await props.send({ type: 'phases.update', phases })) props.onClose()
  }

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={props.onClose}>
      <form
        className="dialog phase-editor"
        role="dialog"
        aria-label="Edit phases"
        data-testid="phase-editor"
        onMouseDown={(event) => event.stopPropagation()}
        onSubmit={(event) => void save(event)}
      >
        <h2>Phases</h2>
        <ol className="phase-editor__list">
          {phases.map((phase, index) => (
            <li key={phase.id ?? `new-${index}`} className="phase-editor__item">
              <div className="phase-editor__row">
                <input
                  aria-label={`Phase ${index + 1} name`}
                  value={phase.name}
                  maxLength={PHASE_LIMITS.name}
                  required
                  onChange={(event) => update(index, { name: event.target.value })}
                />
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label="Move up"
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label="Move down"
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove phase ${index + 1}`}
                  disabled={phases.length === 1}
                  onClick={() => setPhases(phases.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </div>
              <textarea
                aria-label={`Phase ${index + 1} instructions`}
                value={phase.instructions}
                maxLength={PHASE_LIMITS.instructions}
                rows={2}
                onChange={(event) => update(index, { instructions: event.target.value })}
              />
              <div className="phase-editor__rules">
                {switches.map(([rule, label]) => (
                  <label key={rule}>
                    <input
                      type="checkbox"
                      checked={phase.rules[rule]}
                      onChange={(event) => setRule(index, { [rule]: event.target.checked })}
                    />
                    {label}
                  </label>
                ))}
                <label>
                  Reveal by
                  <select
                    value={phase.rules.reveal}
                    onChange={(event) =>
                      setRule(index, { reveal: event.target.value as PhaseRules['reveal'] })
                    }
                  >
                    <option value="none">nobody</option>
                    <option value="facilitator">facilitator</option>
                    <option value="self">each person</option>
                    <option value="turn">each in turn</option>
                  </select>
                </label>
                <label>
                  Timer
                  <input
                    type="number"
                    className="phase-editor__minutes"
                    aria-label={`Phase ${index + 1} timer in minutes`}
                    data-testid="phase-timer-minutes"
                    min={1}
                    max={PHASE_LIMITS.timerMinutes}
                    placeholder="–"
                    value={phase.timerMinutes ?? ''}
                    onChange={(event) =>
                      replace(index, (p) => withTimerMinutes(p, event.target.value))
                    }
                  />
                  min
                </label>
                {(props.regions.length > 0 || phase.focus !== undefined) && (
                  <label>
                    Shows
                    <select
                      aria-label={`Phase ${index + 1} region`}
                      value={phase.focus ?? ''}
                      onChange={(event) => replace(index, (p) => withFocus(p, event.target.value))}
                    >
                      <option value="">no region</option>
                      {phase.focus !== undefined &&
                        !props.regions.some((region) => region.key === phase.focus) && (
                          <option value={phase.focus}>{phase.focus}</option>
                        )}
                      {props.regions.map((region) => (
                        <option key={region.key} value={region.key}>
                          {region.title}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            </li>
          ))}
        </ol>
        <div className="phase-editor__add">
          <select
            aria-label="Phase to add"
            value={preset}
            onChange={(event) => setPreset(event.target.value as PhasePreset)}
          >
            {presetNames.map((name) => (
              <option key={name} value={name}>
                {phasePresets[name].name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid="phase-add"
            disabled={phases.length >= 30}
            onClick={() => setPhases([...phases, { ...phasePresets[preset] }])}
          >
            Add phase
          </button>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="phases-save">
            Save phases
          </button>
        </div>
      </form>
    </div>
  )
}
