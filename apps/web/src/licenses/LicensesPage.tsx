import { useEffect, useState } from 'react'
import { requestResponse } from '../api/rooms'
import { RecordsHeader } from '../decisions/RecordsHeader'
import { type Notices, parseNotices } from './notices'

/** Where the build puts Accord's licence and the notices (apps/web/vite.config.ts). */
export const NOTICES_URL = '/licenses/THIRD-PARTY-NOTICES.md'
export const LICENSE_URL = '/licenses/LICENSE.txt'

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly license: string; readonly notices: Notices }
  | { readonly status: 'failed' }

async function loadText(url: string): Promise<string> {
  const answered = await requestResponse('GET', url, null)
  if (!answered.ok) throw new Error(`${url}: ${answered.status}`)
  return answered.value.text()
}

/** `/licenses`: Accord's licence, tldraw's, and every third-party package Accord ships. */
export function LicensesPage() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  useEffect(() => {
    document.title = 'Licences · Accord'
    let live = true
    Promise.all([loadText(LICENSE_URL), loadText(NOTICES_URL)]).then(
      ([license, notices]) => {
        if (live) setLoaded({ status: 'ready', license, notices: parseNotices(notices) })
      },
      () => {
        if (live) setLoaded({ status: 'failed' })
      },
    )
    return () => {
      live = false
    }
  }, [])

  return (
    <div className="log-page">
      <RecordsHeader current={null} />
      <main className="licenses" data-testid="licenses">
        <h1>Licences</h1>
        {loaded.status === 'loading' && <p>Loading…</p>}
        {loaded.status === 'failed' && (
          <p className="form-error" role="alert">
            The licence files could not be loaded. They are also in the source: <code>LICENSE</code>{' '}
            and <code>THIRD-PARTY-NOTICES.md</code>.
          </p>
        )}
        {loaded.status === 'ready' && <LicensesBody {...loaded} />}
      </main>
    </div>
  )
}

function LicensesBody({ license, notices }: { license: string; notices: Notices }) {
  return (
    <>
      <section aria-labelledby="accord-license">
        <h2 id="accord-license">Accord</h2>
        <p>Accord is free software under the MIT licence: you may use, run, change and share it.</p>
        <details>
          <summary>The MIT licence</summary>
          <pre className="licenses__text">{license}</pre>
        </details>
      </section>
      <section aria-labelledby="tldraw-license">
        <h2 id="tldraw-license">The board: tldraw</h2>
        <p>
          Accord’s board is the tldraw SDK (3.x line), used under tldraw’s own licence: its “Made
          with tldraw” watermark stays on every board, unless this server runs with a tldraw
          business licence key.
        </p>
        {notices.tldrawLicense !== null && (
          <details>
            <summary>The tldraw licence</summary>
            <pre className="licenses__text" data-testid="tldraw-license">
              {notices.tldrawLicense}
            </pre>
          </details>
        )}
      </section>
      <section aria-labelledby="third-party">
        <h2 id="third-party">Third-party packages</h2>
        <p>
          Accord ships with these {notices.packages.length} packages. Each one’s licence text is in{' '}
          <a href={NOTICES_URL} data-testid="notices-file">
            THIRD-PARTY-NOTICES.md
          </a>
          .
        </p>
        <table className="licenses__table" data-testid="license-table">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">Version</th>
              <th scope="col">Licence</th>
            </tr>
          </thead>
          <tbody>
            {notices.packages.map((pkg) => (
              <tr key={`${pkg.name}@${pkg.version}`}>
                <td>{pkg.name}</td>
                <td>{pkg.version}</td>
                <td>{pkg.license}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}
