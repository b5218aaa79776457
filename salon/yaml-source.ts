/**
 * Reading a content YAML file staff edit, and locating problems in it: the helpers every content loader
 * (`catalog.ts`, `rules.ts`) shares. A problem becomes a {@link ContentError} with the file, the line
 * of the offending node (the `yaml` package keeps node ranges) and a hint on how to fix it.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { ContentError } from './errors';

/** A path into the parsed data, e.g. `['masters', 2, 'services', 1]`. */
export type DataPath = Array<string | number>;

/** Names the item a data path points into, e.g. `master "olga"`; used in messages. */
export type Labeller = (path: DataPath, data: unknown) => string;

/** A parsed content file: the data as plain JS and a locator for its problems. */
export interface YamlSource {
  data: unknown;
  locate: Locator;
}

/**
 * Reads a content file as UTF-8.
 *
 * @param what  what the file is, for the message, e.g. `the catalog`.
 * @param hint  how to fix a missing file, e.g. `the catalog lives in content/catalog.yaml`.
 * @throws {ContentError} when the file cannot be read.
 */
export function readContentFile(path: string, what: string, hint: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ContentError({ file: path, problem: `cannot read ${what} (${(cause as Error).message})`, hint, cause });
  }
}

/**
 * Parses YAML text; `file` is only used in messages and `label` names items in them.
 *
 * @throws {ContentError} on a YAML syntax error, with its line.
 * @example
 * const { data, locate } = parseYamlSource('booking: { lead_minutes: 120 }', 'content/rules.yaml');
 * locate.line(['booking', 'lead_minutes']); // 1
 */
export function parseYamlSource(source: string, file: string, label?: Labeller): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new ContentError({
      file, line: syntax.linePos?.[0].line, problem: `invalid YAML: ${syntax.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      hint: 'check the indentation (spaces, not tabs), the "key: value" colons and that every [ ] and " is closed, on this line or just above', cause: syntax,
    });
  }
  return { data: doc.toJS(), locate: new Locator(file, doc, lineCounter, label) };
}

/** Turns a data path into a line of the file, a readable path and a label such as `master "olga"`. */
export class Locator {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly labeller: Labeller = () => 'the file',
  ) {}

  /** A {@link ContentError} located at `path` (or at `key` inside it). */
  error(path: DataPath, problem: string, hint: string, key?: string): ContentError {
    return new ContentError({ file: this.file, line: this.line(path, key), path: formatPath(key ? [...path, key] : path), problem, hint });
  }

  /** The line of the node at `path` (or of `key` inside it), else of its nearest existing parent. */
  line(path: DataPath, key?: string): number | undefined {
    if (this.doc.contents === null) return 1;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (!node?.range) continue;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return this.lines.linePos(keyNode.range[0]).line;
      }
      return this.lines.linePos(node.range[0]).line;
    }
    return undefined;
  }

  /** Names the item `path` points into, e.g. `master "olga"`. */
  label(path: DataPath, data: unknown): string {
    return this.labeller(path, data);
  }
}

/**
 * A data path as people read it.
 *
 * @example formatPath(['masters', 2, 'services', 1]) // "masters[2].services[1]"
 */
export function formatPath(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** What to say when the whole file is not a map of fields. */
export interface EmptyFileMessage {
  problem: string;
  hint: string;
}

/**
 * The first ajv schema error in file order, as a {@link ContentError} that names the item, the field and
 * the expected form (each schema's `description`, e.g. `minutes as a whole number, e.g. 90`).
 *
 * @param depth  how many path segments name the item (2 for `masters[0]`, 1 for `booking`): the rest
 *   is called the field.
 */
export function schemaError(errors: ErrorObject[], data: unknown, locate: Locator, empty: EmptyFileMessage, depth = 2): ContentError {
  // A misspelt field is both unknown and missing: name the unknown one, which the person wrote.
  const misspelt = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  const relevant = errors.filter((e) => !(e.keyword === 'required' && misspelt.has(e.instancePath)));
  const located = relevant.map((error) => {
    const path: DataPath = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    return { error, path, key, line: locate.line(path, key) ?? 0 };
  });
  // The first problem in file order, as a person reads the file.
  located.sort((a, b) => a.line - b.line);
  const { error, path, key } = located[0];
  const what = `${locate.label(path, data)}${path.length > depth ? `, field "${formatPath(path.slice(depth))}"` : ''}`;
  const expected = (error.parentSchema as { description?: string } | undefined)?.description;
  const params = error.params as Record<string, unknown>;
  const value = error.data === undefined ? '' : ` (it is ${JSON.stringify(error.data)})`;
  if (path.length === 0 && error.keyword === 'type') return locate.error(path, empty.problem, empty.hint);
  switch (error.keyword) {
    case 'required':
      return locate.error(path, `${locate.label(path, data)} has no "${String(params.missingProperty)}"`, `add "${String(params.missingProperty)}: …" to it (see the comment at the top of the section)`);
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).join(', ');
      return locate.error(path, `${locate.label(path, data)} has an unknown field "${key}"`, `fix its spelling or remove it; the fields are: ${allowed}`, key);
    }
    case 'enum':
      return locate.error(path, `${what} is not one of the allowed values`, `use one of: ${(params.allowedValues as unknown[]).join(', ')}`);
    case 'pattern':
      return locate.error(path, `${what} is not in the expected form${value}`, `write ${expected ?? 'it as in the other entries'}`);
    case 'type':
      return locate.error(path, `${what} ${error.message ?? 'has the wrong type'}${value}`, expected ? `write ${expected}` : 'see the comment at the top of the file');
    case 'uniqueItems':
      return locate.error(path, `${what} lists the same value twice`, 'remove the duplicate');
    default:
      return locate.error(path, `${what} ${error.message ?? 'is invalid'}${value}`, expected ? `write ${expected}` : 'see the comment at the top of the file');
  }
}

/** What a small content file (rules, brand voice) is, for {@link contentFileReader}. */
export interface ContentFileSpec<T> {
  /** What the file is, for messages: `the rules`. */
  what: string;
  /** How to fix a missing file: `the rules live in content/rules.yaml`. */
  where: string;
  schema: object;
  empty: EmptyFileMessage;
  label: Labeller;
  /** Checks beyond the schema (impossible values), throwing a located {@link ContentError}. */
  check?: (value: T, locate: Locator) => void;
}

/**
 * The reader of a content file checked in two stages (JSON Schema, then its own checks): `load(path)`
 * and `parse(source, file)`, both throwing {@link ContentError} with file and line. The schema is
 * compiled on first use (compiling costs more than validating).
 */
export function contentFileReader<T>(spec: ContentFileSpec<T>): { load(path: string): T; parse(source: string, file: string): T } {
  let compiled: ValidateFunction | undefined;
  const parse = (source: string, file: string): T => {
    const { data, locate } = parseYamlSource(source, file, spec.label);
    compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(spec.schema);
    if (!compiled(data)) throw schemaError(compiled.errors ?? [], data, locate, spec.empty, 1);
    spec.check?.(data as T, locate);
    return data as T;
  };
  return { load: (path) => parse(readContentFile(path, spec.what, `check the path; ${spec.where}`), path), parse };
}
