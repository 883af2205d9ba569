import type { TemplateSummary } from '../api/templates'
import type { PlanPreview } from './gallery'
import { TemplatePreview } from './TemplatePreview'

/**
 * The gallery: one card per template, as a group of radio buttons (arrow keys move between
 * them; the whole card is the radio's label area).
 */
export function TemplateCards({
  templates,
  selected,
  selectedPlan,
  onSelect,
}: {
  templates: readonly TemplateSummary[]
  selected: string
  /** The selected template's plan for the options chosen (the others show their defaults). */
  selectedPlan: PlanPreview
  onSelect: (id: string) => void
}) {
  return (
    <fieldset className="gallery-cards" data-testid="template-gallery">
      <legend className="visually-hidden">Template</legend>
      {templates.map((template) => {
        const isSelected = template.id === selected
        const id = `template-${template.id}`
        const { phases, regions } = isSelected ? selectedPlan : template
        return (
          <div
            key={template.id}
            className="gallery-card"
            data-testid={`template-card-${template.id}`}
            data-selected={isSelected}
          >
            <input
              className="gallery-card__radio visually-hidden"
              type="radio"
              name="template"
              id={id}
              value={template.id}
              checked={isSelected}
              onChange={() => onSelect(template.id)}
              aria-describedby={`${id}-description ${id}-phases`}
            />
            <TemplatePreview regions={regions} size="card" />
            <div className="gallery-card__body">
              <div className="gallery-card__title">
                <label className="gallery-card__name" htmlFor={id}>
                  {template.name}
                </label>
                {isSelected && (
                  <span className="gallery-card__check" aria-hidden="true">
                    ✓
                  </span>
                )}
              </div>
              <p className="gallery-card__description" id={`${id}-description`}>
                {template.description}
              </p>
              <p className="gallery-card__phase-count" id={`${id}-phases`}>
                {phases.length} {phases.length === 1 ? 'phase' : 'phases'}
                {template.options.length > 0 &&
                  ` · ${template.options.length} ${template.options.length === 1 ? 'option' : 'options'}`}
              </p>
              <ol className="gallery-card__phases" aria-label={`Phases of ${template.name}`}>
                {phases.map((phase) => (
                  <li key={phase.id}>{phase.name}</li>
                ))}
              </ol>
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}
