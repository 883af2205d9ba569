import type {
  SummaryBlock,
  SummaryDocument,
  SummaryLine,
  SummaryListItem,
  SummaryRun,
} from '@accord/records'

/**
 * A workshop summary (`@accord/records`' summary model, the same one the Markdown export renders)
 * as a document to print. People's text is always rendered as text, never as markup.
 */
export function PrintDocumentView(props: { document: SummaryDocument; printedAt: Date }) {
  const { document } = props
  return (
    <article className="print-doc" data-testid="print-summary">
      <header className="print-doc__header">
        <p className="print-doc__kicker">
          Workshop summary · printed {props.printedAt.toISOString().slice(0, 10)}
        </p>
        <h1 data-testid="print-title">
          <Runs line={[document.title]} />
        </h1>
        <dl className="print-doc__fields">
          {document.fields.map(([label, value]) => (
            <div key={label} className="print-doc__field">
              <dt>{label}</dt>
              <dd>
                <Runs line={value} />
              </dd>
            </div>
          ))}
        </dl>
      </header>
      {document.sections.map((section, index) => (
        <section key={`${index}-${section.title}`} className="print-doc__section">
          <h2>{section.title}</h2>
          <Blocks blocks={section.blocks} depth={1} />
        </section>
      ))}
    </article>
  )
}

function Blocks(props: { blocks: readonly SummaryBlock[]; depth: number }) {
  return (
    <>
      {props.blocks.map((block, index) => (
        <Block key={index} block={block} depth={props.depth} />
      ))}
    </>
  )
}

function Block(props: { block: SummaryBlock; depth: number }) {
  const { block, depth } = props
  switch (block.kind) {
    case 'line':
      return (
        <p className={block.muted ? 'print-doc__text print-doc__text--muted' : 'print-doc__text'}>
          <Runs line={block.line} />
        </p>
      )
    case 'text':
      return block.text.trim() === '' ? (
        block.empty ? (
          <Block block={block.empty} depth={depth} />
        ) : null
      ) : (
        <p className="print-doc__text">{block.text}</p>
      )
    case 'list':
      return (
        <ul className="print-doc__list">
          {block.items.map((item, index) => (
            <li key={index}>
              <Item item={item} />
            </li>
          ))}
        </ul>
      )
    case 'table':
      return (
        <table className="print-doc__table">
          <thead>
            <tr>
              {block.head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )
    case 'item': {
      const Heading = depth === 1 ? 'h3' : 'h4'
      return (
        <div className="print-doc__item">
          <Heading>
            <Runs line={block.title} />
          </Heading>
          <Blocks blocks={block.blocks} depth={depth + 1} />
        </div>
      )
    }
  }
}

function Item(props: { item: SummaryListItem }) {
  return (
    <>
      {props.item.lead && <Runs line={props.item.lead} />}
      {props.item.text}
    </>
  )
}

function Runs(props: { line: SummaryLine }) {
  return (
    <>
      {props.line.map((run, index) => (
        <Run key={index} run={run} />
      ))}
    </>
  )
}

function Run(props: { run: SummaryRun }) {
  const { run } = props
  if (typeof run === 'string') return <>{run}</>
  if ('user' in run) return <>{run.user.trim() || run.fallback || ''}</>
  if ('strong' in run)
    return (
      <strong>
        <Runs line={run.strong} />
      </strong>
    )
  if ('em' in run)
    return (
      <em>
        <Runs line={run.em} />
      </em>
    )
  return (
    <a href={run.href}>
      <Runs line={run.link} />
    </a>
  )
}
