/**
 * Health questions the assistant must not answer itself (the brief's "What the assistant must never
 * do"): pregnancy and breastfeeding, allergies, skin and nail diseases, chronic conditions, symptoms
 * after a procedure, contraindications, medicines, injections and "уколы красоты". A match means a
 * fixed reply and a handover to an administrator — never an LLM answer, never a similar FAQ answer.
 *
 * Patterns are word starts on the folded message (see `fold.ts`), so case, typos in the ending,
 * Latin look-alikes and punctuation do not matter. Words with an everyday meaning are matched only in
 * their medical forms: "укол" but not "уколола", "рана" but not "рано", a disease "кожи" or "ногтей"
 * but not "заболела, перенесите запись".
 */
import { prepareGuardText, type GuardText } from './fold';

/** What a health question is about. */
export type MedicalTopic =
  | 'pregnancy'
  | 'allergy'
  | 'skin-or-nail-disease'
  | 'condition'
  | 'symptom'
  | 'contraindication'
  | 'medicine'
  | 'injection';

/** A message the guardrails read as a health question. */
export interface MedicalMatch {
  kind: 'medical';
  topic: MedicalTopic;
  /** The folded words that decided it (for logs). */
  match: string;
}

/** A word starting with one of the stems. */
const starts = (...stems: string[]) => ` (?:${stems.join('|')})[^ ]*`;
/** One of the words exactly. */
const exact = (...words: string[]) => ` (?:${words.join('|')}) `;

const TOPICS: ReadonlyArray<readonly [MedicalTopic, RegExp]> = ([
  ['pregnancy', [
    starts('беремен', 'кормящ', 'лактац', 'токсикоз', 'pregnan', 'breastfeed'),
    ' в положении ', ' корм[^ ]* грудью', ' грудн[^ ]* вскармлив', exact('гв'), ' жду ребенка ',
  ]],
  ['allergy', [starts('аллерг', 'анафилак', 'непереносим', 'allerg')]],
  ['skin-or-nail-disease', [
    starts('грибок', 'грибк', 'микоз', 'онихо', 'псориаз', 'экзем', 'дерматит', 'лишай', 'бородав', 'папиллом', 'герпес', 'паронихи',
      'панариц', 'вросш', 'дерматолог', 'подолог', 'fungus', 'fungal', 'eczema', 'psoria', 'dermatit'),
    ' (?:болезн|заболеван)[^ ]* (?:кожи|ногт|ногот)', ' кожн[^ ]* (?:болезн|заболеван)',
  ]],
  ['condition', [starts('диабет', 'варикоз', 'онколог', 'химиотерап', 'гепатит', 'эпилепс', 'гемофил', 'тромбоз', 'гипертон', 'астм', 'diabet'), exact('вич')]],
  ['symptom', [
    starts('зуд', 'чешет', 'чешут', 'сыпь', 'покраснел', 'покраснен', 'отек', 'опух', 'воспал', 'гной', 'гноит', 'жжени', 'ожог', 'ранк',
      'кровоточ', 'кровотеч', 'инфекц', 'заражени'),
    exact('сыпи', 'жжет', 'рана', 'раны', 'ране', 'рану', 'раной'),
  ]],
  ['contraindication', [starts('противопоказ', 'contraindicat')]],
  ['medicine', [
    starts('лекарств', 'таблет', 'антибиотик', 'гормон', 'медикамент', 'лечени', 'вылеч', 'обезбол', 'анестез', 'роаккутан', 'изотретино',
      'врач', 'доктор', 'medication', 'medicine'),
    exact('мазь', 'мази', 'мазью', 'лечить', 'лечите', 'лечат'),
  ]],
  ['injection', [
    starts('инъекц', 'ботокс', 'botox', 'филлер', 'filler', 'гиалурон', 'мезотерап', 'биоревитал', 'плазмолифт', 'липолит', 'injection'),
    exact('укол', 'уколы', 'уколов', 'уколам', 'уколами', 'уколах'), ' контурн[^ ]* пласти', ' увелич[^ ]* губ', ' губ[^ ]* увелич',
  ]],
] as const).map(([topic, patterns]) => [topic, new RegExp(patterns.join('|'), 'u')] as const);

/**
 * Finds a health question in a guest's message (or one `prepareGuardText` read); undefined when there
 * is none. Pure, never throws.
 *
 * @example
 * detectMedical('беременна ли можно гель лак')?.topic   // "pregnancy"
 * detectMedical('у меня грибок на ногте, сделаете педикюр?')?.topic // "skin-or-nail-disease"
 * detectMedical('ногти как у кота')                     // undefined
 */
export function detectMedical(text: string | GuardText): MedicalMatch | undefined {
  const { folded } = typeof text === 'object' && text !== null ? text : prepareGuardText(text);
  if (folded.length <= 2) return undefined;
  for (const [topic, pattern] of TOPICS) {
    const found = pattern.exec(folded);
    if (found) return { kind: 'medical', topic, match: found[0].trim() };
  }
  return undefined;
}
