/**
 * Mechanical model answers over every shipped FAQ entry, for measuring the claim-support check:
 * faithful variants of an entry's own answer (as it is, opened with «Да,» or «Конечно!», closed with a
 * courtesy sentence) and its polarity flipped («можно» ↔ «нельзя», «бесплатно» ↔ «платно», «нужна» ↔
 * «не нужна», «есть» ↔ «нет», «Да» ↔ «Нет»).
 */
import { polarityOf } from '../../../../core/llm/claims';
import { splitSentences } from '../../../../core/llm/claims';

const EMOJI = /\s*(?:\p{Extended_Pictographic}\uFE0F?)+/gu;

/** Faithful variants of a rendered answer: what a model keeping to the entry might write. */
export function faithfulVariants(answer: string): string[] {
  const negative = splitSentences(answer).some((s) => polarityOf(s).some((p) => p.axis === 'stance' && p.value === '-'));
  const stripped = answer.replace(EMOJI, '').trim();
  const bare = /[.!?…]$/u.test(stripped) ? stripped : `${stripped}.`;
  const lowerFirst = /^[А-ЯЁ][а-яё]/u.test(bare) ? bare[0].toLowerCase() + bare.slice(1) : bare;
  const variants = [answer, `${bare} Ждём вас 🌸`, `${bare} Напишите, если хотите записаться ✨`];
  if (!/^(?:да|конечно|нет)\b/iu.test(bare)) variants.push(negative ? `К сожалению, ${lowerFirst}` : `Да, ${lowerFirst}`, negative ? `Увы: ${lowerFirst}` : `Конечно! ${bare}`);
  return variants;
}

const FLIPS: ReadonlyArray<readonly [RegExp, (m: string) => string]> = [
  [/(?<![\p{L}])не нужн(а|о|ы|ен)(?![\p{L}])/giu, (m) => m.replace(/^не /iu, '')],
  [/(?<![\p{L}])(?<!не )нужн(а|о|ы|ен)(?![\p{L}])/giu, (m) => `не ${m}`],
  [/(?<![\p{L}])нельзя(?![\p{L}])/giu, () => 'можно'],
  [/(?<![\p{L}])можно(?![\p{L}])/giu, () => 'нельзя'],
  [/(?<![\p{L}])бесплатн/giu, (m) => (m[0] === 'Б' ? 'П' : 'п') + 'латн'],
  [/(?<![\p{L}])платн/giu, (m) => (m[0] === 'П' ? 'Б' : 'б') + 'есплатн'],
  [/(?<![\p{L}])без предоплаты/giu, () => 'с предоплатой'],
  [/(?<![\p{L}])нет(?![\p{L}])/giu, () => 'есть'],
  [/(?<![\p{L}])есть(?![\p{L}])/giu, () => 'нет'],
  [/^Да(?![\p{L}])/u, () => 'Нет'],
];

/** The answer with every polarity cue turned, or undefined when it has none. */
export function flipPolarity(answer: string): string | undefined {
  // Each span is turned once: placeholders keep a later rule from turning it back.
  const done: string[] = [];
  let text = answer;
  for (const [pattern, turn] of FLIPS) {
    text = text.replace(pattern, (m) => {
      done.push(turn(m));
      return `\u0000${done.length - 1}\u0000`;
    });
  }
  if (done.length === 0) return undefined;
  return text.replace(/\u0000(\d+)\u0000/gu, (_, i: string) => done[Number(i)]);
}
