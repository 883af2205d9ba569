import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlite, SqliteRoomRepository } from '@accord/db'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A data folder with a database holding `rooms`, and an `accord` that runs in it. */
function instance(...rooms: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'accord-cli-'))
  dirs.push(dir)
  const databasePath = join(dir, 'data', 'accord.db')
  const handle = openSqlite({ path: databasePath })
  const repository = new SqliteRoomRepository(handle.db)
  for (const id of rooms) {
    repository.create(
      { id, title: id, createdAt: new Date(), template: 'blank', previousRoomId: null },
      { facilitator: `${id}-f`, participant: `${id}-p`, viewer: `${id}-v` },
    )
  }
  handle.close()
  const accord = async (args: string[], env: Record<string, string> = {}) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(args, {
      env: { DATABASE_URL: databasePath, ...env },
      cwd: dir,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  return { dir, databasePath, accord }
}

describe('accord CLI', () => {
  it('prints its usage on --help, and refuses unknown commands and options', async () => {
    const { accord } = instance()
    expect(await accord(['--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage'),
    })
    expect((await accord([])).code).toBe(2)
    expect((await accord(['compact', 'x.db'])).code).toBe(2)
    expect((await accord(['backup'])).code).toBe(2)
    expect((await accord(['backup', 'x.db', '--quiet'])).code).toBe(2)
    expect((await accord(['backup', 'x.db', 'y.db'])).code).toBe(2)
  })

  it('backs up to a path relative to where it runs, and says what it did', async () => {
    const { dir, databasePath, accord } = instance('a', 'b')
    const result = await accord(['backup', 'backups/monday.db'])
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(result.out).toContain(`Backed up ${databasePath}`)
    expect(result.out).toContain(join(dir, 'backups', 'monday.db'))
    expect(result.out).toMatch(/rooms 2/)
    expect(result.out).toMatch(/integrity check ok/)
  })

  it('refuses to overwrite a backup without --force', async () => {
    const { dir, accord } = instance('a')
    writeFileSync(join(dir, 'taken.db'), 'something else')
    const refused = await accord(['backup', 'taken.db'])
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/already exists \(pass --force to replace it\)/)
    expect((await accord(['backup', 'taken.db', '--force'])).code).toBe(0)
  })

  it('restores a backup, refusing to replace rooms without --force', async () => {
    const source = instance('from-backup')
    expect((await source.accord(['backup', 'backup.db'])).code).toBe(0)
    const backup = join(source.dir, 'backup.db')

    const fresh = instance()
    const restored = await fresh.accord(['restore', backup])
    expect(restored.code).toBe(0)
    expect(restored.out).toContain(`Restored ${backup}`)
    expect(restored.out).toMatch(/rooms 1/)

    const busy = instance('current')
    const refused = await busy.accord(['restore', backup])
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/holds 1 room \(pass --force/)
    const forced = await busy.accord(['restore', backup, '--force'])
    expect(forced.code).toBe(0)
    expect(forced.out).toMatch(/replaced a database with 1 room\)/)
  })

  it('reports a configuration error and a missing database plainly', async () => {
    const { accord } = instance()
    const invalid = await accord(['backup', 'x.db'], { DATABASE_URL: 'postgres://' })
    expect(invalid.code).toBe(1)
    expect(invalid.err).toMatch(/DATABASE_URL/)
    for (const command of ['backup', 'restore']) {
      const pg = await accord([command, 'x.db'], { DATABASE_URL: 'postgres://u:pw@db/accord' })
      expect(pg).toMatchObject({ code: 1, out: '' })
      expect(pg.err).toMatch(/works on a SQLite database.*PostgreSQL.*pg_dump/)
      expect(pg.err).not.toContain('pw@')
    }
    const memory = await accord(['backup', 'x.db'], { DATABASE_URL: ':memory:' })
    expect(memory.code).toBe(1)
    const missing = await accord(['backup', 'x.db'], { DATABASE_URL: '/nonexistent/accord.db' })
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/no database at/) })
  })
})
