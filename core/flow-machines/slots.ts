import Ajv, { type ValidateFunction } from 'ajv';
import { parseYamlSource, readContentFile, schemaError } from '../../salon';
import { SLOTS_FILE_SCHEMA } from './flow-schema';
import type { SlotDefinition } from './types';

/** The slot declarations of `flows/slots.yaml`, by name. */
export type SlotCatalog = Map<string, SlotDefinition>;

/** Reads `flows/slots.yaml`. @throws {ContentError} naming the file and line of a problem. */
export function loadSlots(path: string): SlotCatalog {
  return parseSlots(readContentFile(path, 'the slot declarations', 'they live in flows/slots.yaml'), path);
}

/** What a computed slot cannot have: the ways a message fills a slot. */
const COMPUTED_EXCLUDES = ['entity', 'from_text', 'from_opening_words', 'from_attachment', 'values', 'values_anywhere', 'opening_values', 'picked_by'] as const;

/** The schema validator, compiled once (compiling costs ≈ 30 ms, validating almost nothing). */
let compiled: ValidateFunction | undefined;

/** Parses slot declarations given as YAML text; `file` names it in messages. */
export function parseSlots(source: string, file: string): SlotCatalog {
  const { data, locate } = parseYamlSource(source, file, (path) => (path[1] ? `slot "${path[1]}"` : 'the slots'));
  const validate = (compiled ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(SLOTS_FILE_SCHEMA));
  if (!validate(data)) {
    throw schemaError(validate.errors ?? [], data, locate, { problem: 'the file must be a map with "slots:"', hint: 'start it with "slots:" and one entry per slot' }, 2);
  }
  const slots: SlotCatalog = new Map();
  for (const [name, raw] of Object.entries((data as { slots: Record<string, Record<string, unknown>> }).slots)) {
    const fillers = COMPUTED_EXCLUDES.filter((field) => raw[field] !== undefined && raw[field] !== false);
    if (raw.computed === true && fillers.length > 0) {
      throw locate.error(['slots', name, fillers[0]], `slot "${name}" is computed (set only by actions) but also says how the guest fills it (${fillers.join(', ')})`, 'remove "computed: true", or the ways a message would fill it');
    }
    if (raw.type === 'enum' && !raw.values) throw locate.error(['slots', name], `slot "${name}" is an enum without values`, 'add "values: { value: [words that mean it] }"');
    slots.set(name, {
      name,
      type: raw.type as SlotDefinition['type'],
      entity: raw.entity as string | undefined,
      fromText: raw.from_text === true,
      fromAttachment: raw.from_attachment === true,
      ...(raw.from_opening_words !== undefined && { fromOpeningWords: raw.from_opening_words as number }),
      values: raw.values as Record<string, string[]> | undefined,
      valuesAnywhere: raw.values_anywhere as Record<string, string[]> | undefined,
      ...(raw.opening_values !== undefined && { openingValues: raw.opening_values as Record<string, string[]> }),
      resetOnRewind: raw.reset_on_rewind === true,
      person: raw.person === true,
      computed: raw.computed === true,
      ...(raw.pattern !== undefined && { pattern: patternOf(raw.pattern as string, () => locate.error(['slots', name, 'pattern'], `slot "${name}": the pattern "${raw.pattern}" is not a regular expression`, 'write it as in JavaScript, without slashes, e.g. "\\d{6}"')) }),
      pickedBy: raw.picked_by === undefined ? undefined : { name: raw.picked_by as string, line: locate.line(['slots', name, 'picked_by']) ?? 0 },
      file,
      line: locate.line(['slots', name]) ?? 0,
    });
  }
  return slots;
}

/** The slot's pattern, anchored to match the whole answer. */
function patternOf(source: string, invalid: () => Error): RegExp {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    throw invalid();
  }
}
