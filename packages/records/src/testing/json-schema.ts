/**
 * A small JSON Schema (2020-12) checker for the keywords the export's schema uses, to hold the
 * export and its documentation together in tests. An unknown keyword throws, so the schema
 * cannot quietly rely on one this checker ignores. `strict` also reports properties an object's
 * schema does not list (the published schema allows them, so readers survive additions).
 */
type Schema = boolean | { readonly [keyword: string]: unknown }

const keywords = new Set([
  '$schema',
  '$id',
  '$defs',
  '$comment',
  'title',
  'description',
  'examples',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  '$ref',
  'oneOf',
  'anyOf',
  'not',
  'minimum',
  'maximum',
  'pattern',
])

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'integer'
          : 'number'
        : typeof value

export function checkSchema(
  root: Schema,
  value: unknown,
  options: {
    strict?: boolean
    /** Schemas another may refer to by file name (`other.schema.json#/$defs/x`), as published. */
    siblings?: Readonly<Record<string, Schema>>
  } = {},
): string[] {
  const errors: string[] = []
  /** The document `#/$defs/…` refers to: the root, or the sibling a `$ref` led into. */
  let base: Schema = root
  const resolve = (ref: string): { document: Schema; target: Schema } => {
    const match = /^([\w.-]*)#\/\$defs\/([\w-]+)$/.exec(ref)
    const document = match?.[1] ? options.siblings?.[match[1]] : base
    const defs =
      typeof document === 'object'
        ? (document.$defs as Record<string, Schema> | undefined)
        : undefined
    const target = match && defs ? defs[match[2] as string] : undefined
    if (document === undefined || target === undefined) throw new Error(`unresolved $ref ${ref}`)
    return { document, target }
  }
  const checkRef = (ref: string, v: unknown, path: string): boolean => {
    const { document, target } = resolve(ref)
    const outer = base
    base = document
    try {
      return check(target, v, path)
    } finally {
      base = outer
    }
  }
  const check = (schema: Schema, v: unknown, path: string): boolean => {
    if (schema === true) return true
    if (schema === false) return fail(path, 'nothing is allowed here')
    for (const keyword of Object.keys(schema))
      if (!keywords.has(keyword)) throw new Error(`unsupported keyword ${keyword} at ${path}`)
    let ok = true
    const s = schema as Record<string, unknown>
    if (s.$ref !== undefined) ok = checkRef(s.$ref as string, v, path) && ok
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]
      const actual = typeOf(v)
      if (!types.includes(actual) && !(actual === 'integer' && types.includes('number')))
        return fail(path, `is ${actual}, not ${types.join(' or ')}`)
    }
    if (s.const !== undefined && v !== s.const) ok = fail(path, `is not ${JSON.stringify(s.const)}`)
    if (Array.isArray(s.enum) && !s.enum.includes(v))
      ok = fail(path, `${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`)
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) ok = fail(path, `< ${s.minimum}`)
      if (typeof s.maximum === 'number' && v > s.maximum) ok = fail(path, `> ${s.maximum}`)
    }
    if (
      typeof v === 'string' &&
      typeof s.pattern === 'string' &&
      !new RegExp(s.pattern, 'u').test(v)
    )
      ok = fail(path, `does not match ${s.pattern}`)
    if (Array.isArray(v) && s.items !== undefined)
      v.forEach((item, i) => {
        ok = check(s.items as Schema, item, `${path}[${i}]`) && ok
      })
    if (typeOf(v) === 'object') ok = checkObject(s, v as Record<string, unknown>, path) && ok
    if (Array.isArray(s.anyOf) && !s.anyOf.some((branch) => quiet(branch as Schema, v)))
      ok = fail(path, 'matches none of anyOf')
    if (Array.isArray(s.oneOf)) {
      const passing = s.oneOf.filter((branch) => quiet(branch as Schema, v)).length
      if (passing !== 1) {
        // Explain with the errors of each branch, to find the one meant.
        s.oneOf.forEach((branch, i) => check(branch as Schema, v, `${path}<oneOf ${i}>`))
        ok = fail(path, `matches ${passing} of oneOf, not exactly one`)
      }
    }
    if (s.not !== undefined && quiet(s.not as Schema, v)) ok = fail(path, 'matches not')
    return ok
  }
  const checkObject = (s: Record<string, unknown>, v: Record<string, unknown>, path: string) => {
    let ok = true
    const properties = (s.properties ?? {}) as Record<string, Schema>
    for (const key of (s.required ?? []) as string[])
      if (!Object.hasOwn(v, key)) ok = fail(path, `lacks ${key}`)
    for (const [key, item] of Object.entries(v)) {
      const at = `${path}.${key}`
      if (Object.hasOwn(properties, key)) ok = check(properties[key] as Schema, item, at) && ok
      else if (s.additionalProperties !== undefined)
        ok = check(s.additionalProperties as Schema, item, at) && ok
      else if (options.strict && s.properties !== undefined)
        ok = fail(at, 'is not documented in the schema')
    }
    return ok
  }
  const quiet = (schema: Schema, v: unknown) => {
    const before = errors.length
    const ok = check(schema, v, '')
    errors.length = before
    return ok
  }
  const fail = (path: string, message: string) => {
    errors.push(`${path || '(root)'} ${message}`)
    return false
  }
  check(root, value, '')
  return errors
}
