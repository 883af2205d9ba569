import type { PrintBlock, PrintDocument } from './print-model'

/** A workshop summary as a plain document (see `print-model.ts`); all user text is text. */
export function PrintDocumentView(props: { document: PrintDocument }) {
  const { document } = props
  return (
    <article className="print-doc" data-testid="print-summary">
      <header className="print-doc__header">
        <p className="print-doc__kicker">Workshop summary</p>
        <h1 data-testid="print-title">{document.title}</h1>
        <dl className="print-doc__fields">
          {document.fields.map(([label, value]) => (
            <div key={label} className="print-doc__field">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </header>
      {document.sections.map((section, index) => (
        <section key={`${index}-${section.title}`} className="print-doc__section">
          <h2>{section.title}</h2>
          <Blocks blocks={section.blocks} />
        </section>
      ))}
    </article>
  )
}

function Blocks(props: { blocks: readonly PrintBlock[] }) {
  return (
    <>
      {props.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </>
  )
}

function Block(props: { block: PrintBlock }) {
  const { block } = props
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className={block.muted ? 'print-doc__text print-doc__text--muted' : 'print-doc__text'}>
          {block.text}
        </p>
      )
    case 'list':
      return (
        <ul className="print-doc__list">
          {block.items.map((item, index) => (
            <li key={index}>{item}</li>
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
    case 'item':
      return (
        <div className="print-doc__item">
          <h3>{block.title}</h3>
          <Blocks blocks={block.blocks} />
        </div>
      )
  }
}
