import { type FormEvent, useEffect, useState } from 'react'
import { createRoom, type RoomSetup } from '../api/rooms'
import { fetchTemplates, type TemplateSummary } from '../api/templates'
import { Link } from '../app/Link'
import { navigate } from '../app/navigation'
import { actionItemsPath, boardPath, decisionLogPath, licensesPath } from '../app/routes'
import { guestName, MAX_DISPLAY_NAME, normaliseDisplayName } from '../board/current-user'
import { rememberedName, rememberName } from '../board/room-access'
import { enterCreatedRoom } from '../board/enter-created-room'
import { SessionLink } from '../signin/SessionLink'
import { FollowUpPicker, useEarlierRetros } from './FollowUpPicker'
import {
  BLANK,
  followsUp,
  galleryOrder,
  planPreview,
  previewOfPrevious,
  searchForTemplate,
  templateFromSearch,
} from './gallery'
import { OptionFields } from './OptionFields'
import {
  apiFieldMessage,
  describeApiMessage,
  type FieldInput,
  type FormValues,
  initialFormValues,
  readOptions,
  splitApiMessage,
} from './options-form'
import { PhaseList } from './PhaseList'
import { loadRecentBoards } from './recent-boards'
import { TemplateCards } from './TemplateCards'
import { TemplatePreview } from './TemplatePreview'

type Catalog =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly templates: readonly TemplateSummary[] }
  | { readonly status: 'failed'; readonly message: string }

/** A refusal from the API, shown beside the form and, when it names one, beside its field. */
interface Problem {
  readonly message: string
  /** An option key, or `followUp`, and what to say beside it. */
  readonly field: string | null
  readonly detail: string
}

/** The templates the server offers; `retry` asks again after a failure. */
function useTemplates(): [Catalog, () => void] {
  const [catalog, setCatalog] = useState<Catalog>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    void fetchTemplates().then((result) => {
      if (!live) return
      setCatalog(
        result.ok
          ? { status: 'ready', templates: galleryOrder(result.value) }
          : { status: 'failed', message: result.message },
      )
    })
    return () => {
      live = false
    }
  }, [attempt])
  return [
    catalog,
    () => {
      setCatalog({ status: 'loading' })
      setAttempt((n) => n + 1)
    },
  ]
}

export function HomePage() {
  const [catalog, retry] = useTemplates()
  const [selected, setSelected] = useState(() => templateFromSearch(window.location.search))
  const [formValues, setFormValues] = useState<Readonly<Record<string, FormValues>>>({})
  const [followUpId, setFollowUpId] = useState('')
  const [title, setTitle] = useState('')
  const [name, setName] = useState(() => rememberedName(localStorage))
  const [problem, setProblem] = useState<Problem | null>(null)
  const [creating, setCreating] = useState(false)
  const recent = loadRecentBoards(localStorage)

  const templates = catalog.status === 'ready' ? catalog.templates : []
  // An address naming a template the server does not offer falls back to the blank board.
  const template =
    templates.find((t) => t.id === selected) ?? templates.find((t) => t.id === BLANK) ?? null
  const templateId = template?.id ?? BLANK
  const fields = template?.options ?? []
  const values = formValues[templateId] ?? initialFormValues(fields)
  const read = readOptions(fields, values)
  const retros = useEarlierRetros(followsUp(templateId))
  const followUp = followsUp(templateId)
    ? (retros?.find((retro) => retro.roomId === followUpId) ?? null)
    : null
  const plan = template
    ? planPreview(template, read.options, followUp && previewOfPrevious(followUp))
    : null
  const isBlank = templateId === BLANK

  function select(id: string) {
    setSelected(id)
    setProblem(null)
    window.history.replaceState(window.history.state, '', `/${searchForTemplate(id)}`)
  }

  function changeOption(key: string, value: FieldInput) {
    setFormValues((all) => ({ ...all, [templateId]: { ...values, [key]: value } }))
    setProblem(null)
  }

  /** Creates the board and joins it as its facilitator, under the name given. */
  async function create(event: FormEvent) {
    event.preventDefault()
    const invalid = fields.find((field) => field.key in read.errors)
    if (invalid) {
      const detail = read.errors[invalid.key] ?? ''
      setProblem({ message: `${invalid.label}: ${detail}`, field: invalid.key, detail })
      document.getElementById(`option-${templateId}-${invalid.key}`)?.focus()
      return
    }
    setCreating(true)
    setProblem(null)
    const setup: RoomSetup = isBlank
      ? {}
      : {
          template: templateId,
          options: read.options,
          ...(followUp ? { followUp: { roomId: followUp.roomId, token: followUp.token } } : {}),
        }
    const created = await createRoom(title.trim(), setup)
    if (!created.ok) {
      setCreating(false)
      const { field } = splitApiMessage(created.message)
      return setProblem({
        message: describeApiMessage(created.message, fields),
        field: field?.startsWith('options.') ? field.slice('options.'.length) : field,
        detail: apiFieldMessage(created.message),
      })
    }
    const displayName = normaliseDisplayName(name) || guestName()
    rememberName(localStorage, displayName)
    const id = await enterCreatedRoom(created.value, displayName)
    setCreating(false)
    navigate(boardPath(id))
  }

  // Field messages: the form's own (only edits can make a field invalid), else what the API refused.
  const fieldErrors: Record<string, string> = { ...read.errors }
  if (problem?.field && !(problem.field in fieldErrors)) {
    fieldErrors[problem.field] = problem.detail
  }

  return (
    <main className="home gallery-page">
      <header className="gallery-hero">
        <h1 className="home__brand">Accord</h1>
        <p className="home__tagline">
          Run live workshops on a shared whiteboard, and leave with decisions people can find again.
        </p>
        <nav className="log-home-links" aria-label="Records">
          <Link href={decisionLogPath} data-testid="home-decision-log">
            Decision log
          </Link>
          <Link href={actionItemsPath} data-testid="home-action-items">
            Action items
          </Link>
          <SessionLink />
        </nav>
      </header>

      <section className="gallery" aria-labelledby="new-workshop-heading">
        <div className="gallery__intro">
          <h2 id="new-workshop-heading">New workshop</h2>
          <p>
            Start from a blank board, or pick a method: its layout and phases are set up for you.
          </p>
        </div>
        <div className="gallery__layout">
          <div className="gallery__choices">
            {catalog.status === 'loading' && (
              <div className="gallery-cards gallery-cards--loading" aria-busy="true">
                <p role="status">Loading templates…</p>
              </div>
            )}
            {catalog.status === 'failed' && (
              <div className="gallery-unavailable" role="alert">
                <p>
                  The templates could not be loaded ({catalog.message}). You can still create a
                  blank board.
                </p>
                <button className="button" type="button" onClick={retry}>
                  Try again
                </button>
              </div>
            )}
            {catalog.status === 'ready' && plan && (
              <TemplateCards
                templates={templates}
                selected={templateId}
                selectedPlan={plan}
                onSelect={select}
              />
            )}
          </div>

          <form
            className="gallery-details"
            data-testid="create-board-form"
            aria-labelledby="selected-template-name"
            noValidate
            onSubmit={(e) => void create(e)}
          >
            <div className="gallery-details__head">
              <p className="gallery-details__kicker">{isBlank ? 'Free-form' : 'Template'}</p>
              <h3 id="selected-template-name" data-testid="selected-template-name">
                {template?.name ?? 'Blank board'}
              </h3>
              {template && <p className="gallery-details__description">{template.description}</p>}
            </div>

            {plan && (
              <figure className="gallery-details__preview">
                <TemplatePreview regions={plan.regions} size="large" />
                <figcaption>
                  {plan.regions.length === 0
                    ? 'An empty canvas: add notes, shapes and frames as you go.'
                    : `Board layout · ${plan.regions.length} ${plan.regions.length === 1 ? 'region' : 'regions'}`}
                </figcaption>
              </figure>
            )}

            {fields.length > 0 && (
              <OptionFields
                templateId={templateId}
                fields={fields}
                values={values}
                errors={fieldErrors}
                onChange={changeOption}
              />
            )}

            {followsUp(templateId) && (
              <FollowUpPicker
                retros={retros}
                value={followUp?.roomId ?? ''}
                error={problem?.field === 'followUp' ? problem.detail : undefined}
                onChange={(roomId) => {
                  setFollowUpId(roomId)
                  setProblem(null)
                }}
              />
            )}

            {plan && (
              <details className="gallery-details__phases" data-testid="selected-template-phases">
                <summary className="gallery-section-title">
                  How it runs: {plan.phases.length} {plan.phases.length === 1 ? 'phase' : 'phases'}
                </summary>
                <PhaseList phases={plan.phases} />
              </details>
            )}

            <div className="gallery-create">
              <label htmlFor="board-title">Board title</label>
              <input
                id="board-title"
                data-testid="board-title-input"
                placeholder={template && !isBlank ? template.name : 'Untitled board'}
                maxLength={200}
                value={title}
                onChange={(event) => setTitle(event.target.value)}
              />
              <label htmlFor="facilitator-name">Your name</label>
              <div className="create-board__row">
                <input
                  id="facilitator-name"
                  data-testid="facilitator-name-input"
                  placeholder="How others will see you"
                  maxLength={MAX_DISPLAY_NAME}
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
                <button
                  className="button button--primary"
                  type="submit"
                  data-testid="create-submit"
                  disabled={creating}
                >
                  {creating ? 'Creating…' : isBlank ? 'Create board' : 'Create workshop'}
                </button>
              </div>
              <p className="form-hint">
                You facilitate the boards you create; share links invite others.
              </p>
              {problem && (
                <p className="form-error" role="alert" data-testid="create-error">
                  {problem.message}
                </p>
              )}
            </div>
          </form>
        </div>
      </section>

      {recent.length > 0 && (
        <section className="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent boards</h2>
          <ul>
            {recent.map((board) => (
              <li key={board.id}>
                <a href={boardPath(board.id)}>{board.title}</a>
                <time dateTime={board.visitedAt}>{new Date(board.visitedAt).toLocaleString()}</time>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="home-footer">
        <span>Accord is free software (MIT).</span>
        <span>The board is tldraw, under its own licence.</span>
        <Link href={licensesPath} data-testid="home-licenses">
          Licences
        </Link>
      </footer>
    </main>
  )
}
