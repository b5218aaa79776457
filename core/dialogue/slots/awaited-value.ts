import type { MessageAttachment } from '../../../common';
import type { FlowDefinition, SlotDefinition } from '../../flow-machines';
import type { Understanding } from '../understand';
import { BARE_NO, refusesOrNamesOther } from './denial';
import { enumMatch } from './enum-match';
import { asksBackOrHesitates, holdsTheFloor } from './hesitation';

/** Values only the awaited slot takes: yes/no, enum words, an attachment, free text (`text`, when allowed). */
export function awaitedValue(
  definition: SlotDefinition,
  flow: FlowDefinition,
  understanding: Understanding,
  attachments: MessageAttachment[],
  text: string | undefined,
  correcting: boolean,
): unknown {
  if (definition.type === 'boolean') {
    // «а это точно?», «ну», «так»: a question back or a hesitation is no answer; read as yes it would
    // create a booking, cancel one or add a paid service. The question is asked again.
    if (asksBackOrHesitates(understanding.text)) return undefined;
    if (understanding.intent === 'affirm') return true;
    // "Отменяем запись… Верно?" — "да, отменяйте": repeating the flow's own request is a yes; but not
    // "не эту, ресницы отмените": a refusal, or a request about something else, is no answer at all
    // (the question is asked again) — a yes there would cancel the booking the guest just refused.
    if (flow.startOn.includes(understanding.intent) && !refusesOrNamesOther(understanding)) return true;
    // «нет, на имя Валентина» at «всё верно?» corrects the name: it is no «нет» to the whole booking.
    if (understanding.intent === 'deny' && !correcting) return false;
  }
  const word = enumMatch(awaitedWords(definition), understanding.text);
  if (word !== undefined && !(correcting && BARE_NO.has(word.word))) return word.value;
  if (definition.fromAttachment && attachments.length) {
    const [first] = attachments;
    return first.fileId ?? first.url ?? first.name ?? first.type;
  }
  // «минутку, сверюсь с календарём» at the name question asks her to wait: it is no name.
  if (definition.fromText && text && !understanding.payload && !holdsTheFloor(understanding.text)) return text;
  return undefined;
}

/** The value word of an awaited slot the text says («не важно» → any master), or undefined. */
export function awaitedWord(definition: SlotDefinition, text: string): string | undefined {
  return enumMatch(awaitedWords(definition), text)?.word;
}

/** An awaited slot's words: its values' and the ones it takes anywhere (built once per slot definition). */
const awaitedWordsOf = new WeakMap<SlotDefinition, Record<string, string[]>>();
function awaitedWords(definition: SlotDefinition): Record<string, string[]> {
  let words = awaitedWordsOf.get(definition);
  if (!words) {
    words = { ...definition.values };
    for (const [value, phrases] of Object.entries(definition.valuesAnywhere ?? {})) words[value] = [...(words[value] ?? []), ...phrases];
    awaitedWordsOf.set(definition, words);
  }
  return words;
}

