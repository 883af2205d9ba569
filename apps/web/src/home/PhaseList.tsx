import { describeRules } from '@accord/facilitation'
import type { PlanPreview } from './gallery'

/** A template's phases in order: each with its timer, what it allows and its instructions. */
export function PhaseList({ phases }: { phases: PlanPreview['phases'] }) {
  return (
    <ol className="gallery-phases" data-testid="template-phases">
      {phases.map((phase) => {
        const allows = describeRules(phase.rules)
        return (
          <li key={phase.id} className="gallery-phases__item" data-phase={phase.id}>
            <div className="gallery-phases__head">
              <span className="gallery-phases__name">{phase.name}</span>
              {phase.timerMinutes !== undefined && (
                <span className="gallery-tag gallery-tag--timer">{phase.timerMinutes} min</span>
              )}
              {allows.map((rule) => (
                <span key={rule} className="gallery-tag">
                  {rule}
                </span>
              ))}
            </div>
            <p className="gallery-phases__instructions">{phase.instructions}</p>
          </li>
        )
      })}
    </ol>
  )
}
