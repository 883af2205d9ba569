import type { TemplatePanelProps } from './panel-props'

// In progress: replaced by the template's own panel.
export function BlankPanel(props: TemplatePanelProps) {
  return <pre className="workshop-json">{JSON.stringify(props.result, null, 2)}</pre>
}
