/**
 * `pnpm accord <command>`: administration of an Accord instance from the command line
 * (`node apps/server/dist/cli/accord.js`). Reads the same environment as the server.
 */
import { runCli } from './run-cli.js'

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
