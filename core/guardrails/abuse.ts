/**
 * Russian profanity and abuse aimed at the salon: a compact list of stems (not a dictionary) that
 * sees through the usual disguises — Latin look-alikes ("xуй"), transliteration ("blyat"), digits for
 * letters ("6лядь"), asterisks ("п***ц", "с*ка"), stretched letters ("сууука") and letters spaced out
 * ("х у й", "б.л.я"). Mild words guests use in passing ("блин", "капец", "фиг") are not abuse; an
 * insult ("идиоты", "дура") is abuse only when it is aimed at someone ("вы", "бот", "мастер") or is
 * the whole message, not when the guest says it of herself ("я дура, забыла про запись").
 */
import { transliterate } from '../../nlu';
import { prepareGuardText, unmixWord, type GuardText } from './fold';

/** Why a message counts as abuse. */
export type AbuseReason = 'profanity' | 'insult' | 'hostility';

/** A message the guardrails read as abuse. */
export interface AbuseMatch {
  kind: 'abuse';
  reason: AbuseReason;
  /** The word or phrase that decided it, as folded (for logs; it is the guest's own word). */
  match: string;
}

// Prefixes Russian mat takes: "на-хуй", "за-ебал", "от-ъ-ебись", "долбо-ёб".
const PREFIX = '(?:на|за|по|от|отъ|до|об|объ|о|у|вы|при|пере|раз|разъ|рас|с|съ|из|изъ|под|подъ|в|въ|вз|взъ|недо|про|ни|долбо)?';

/** Mat: abuse wherever it stands. Matched against one word at a time (folded, doubles collapsed too). */
const PROFANITY = new RegExp(
  [
    `^${PREFIX}ху(?:й|я|е|ю|и)`,
    '^хули$',
    'п[иеё]зд',
    '^бля(?![хш])',
    '^бл[еэ]а',
    `^${PREFIX}[её]б(?:а[лнтшщ]|ан|у|н|ись|л|ло|ош|ет|ён|ен|ок|ык|ыв|ыр|ищ|ит|ил)`,
    '^(?:долбо|за|у|от|вы|про|на)[её]б$',
    '^сук(?:а|и|е|у|ой|ам|ами|ах|ин|ина|ины)$',
    '^суч(?:к|ар|ь)',
    '^муд(?:ак|ач|ил|озвон|офел|оеб)',
    '^пид[оа]р',
    '^педрил',
    '^педик(?:и|а|ов|ам)?$',
    '^г[ао]нд[оа]н',
    '^залуп',
    '^шлюх',
    // English, as guests type it.
    '^(?:mother)?fuck',
    '^shit(?:ty)?$',
    '^bitch',
    '^asshole',
    '^cunt',
  ].join('|'),
  'u',
);

/** Insults: abuse when aimed at someone or said on their own. */
const INSULT = new RegExp(
  [
    '^дебил',
    '^идиот',
    '^кретин',
    '^придур',
    '^даун(?:ы|ов)?$',
    '^дур(?:а|ы|е|у|ой|ак|аки|ака|аков|ында)$',
    '^туп(?:ица|ицы|орыл|оголов)',
    '^урод(?:ы|ина|ины|ов)?$',
    '^мраз(?:ь|и|ота)$',
    '^твар(?:ь|и)$',
    '^скотин',
    '^сволоч',
    '^ублюд',
    '^выродо?к',
    '^чмо(?:шн.*)?$',
    '^овц(?:а|ы)$',
    '^коз(?:ел|ла|лы|лина)$',
    '^лох(?:и|ушка|ушки)?$',
    '^(?:idiot|moron|stupid|dumb)s?$',
  ].join('|'),
  'u',
);

/** Hostile phrases, matched on the folded message (" word word "). */
const HOSTILITY = new RegExp(
  [
    ' (?:иди|идите|пошел|пошла|пошли|катись|катитесь|валите|вали)(?: ты| вы| бы)? (?:на|в) (?:хуй|хер|хрен|жопу|три буквы) ',
    ' (?:иди|идите|пошел|пошла|пошли|катись|катитесь)(?: ты| вы| бы)? (?:нахуй|нахер|нахрен|вон|к черту) ',
    ' (?:заткнись|заткнитесь|завали (?:рот|ебало|хлебало)|закрой (?:рот|пасть)) ',
    ' (?:сдохни|сдохните|чтоб (?:ты|вы) сдох\\S*) ',
    ' (?:убью|урою|прибью|зарежу) (?:тебя|вас) ',
    ' (?:fuck|screw) (?:you|off) ',
    ' shut up ',
  ].join('|'),
  'u',
);

/** Words that aim an insult at the salon or the assistant. */
const ADDRESSEE = new Set([
  'ты', 'тебя', 'тебе', 'тобой', 'твой', 'твоя', 'твое', 'твои', 'вы', 'вас', 'вам', 'вами', 'ваш', 'ваша', 'ваше', 'ваши', 'вашего', 'вашей',
  'бот', 'ботяра', 'робот', 'админ', 'админы', 'администратор', 'администраторы', 'мастер', 'мастера', 'мастерица', 'девушка', 'девушки',
  'сотрудники', 'персонал', 'салон', 'салона', 'you', 'your',
]);

/** Words that turn an insult on the speaker herself ("я дура"). */
const SELF = new Set(['я', 'меня', 'сама', 'сам', 'себя', 'себе']);

/** Censored forms are matched against these (after the same mapping as the message). */
const CANONICAL = [
  'хуй', 'хуя', 'хуе', 'хуи', 'хуйня', 'нахуй', 'похуй', 'нихуя', 'охуеть', 'охуенно', 'пизда', 'пизде', 'пизду', 'пиздец', 'пиздеж', 'пиздос',
  'блядь', 'бляди', 'блять', 'бля', 'сука', 'суки', 'сучка', 'ебать', 'ебал', 'ебаный', 'ебаная', 'ебало', 'ебло', 'ебет', 'заебал',
  'заебали', 'заебись', 'уебок', 'уебан', 'мудак', 'мудила', 'пидор', 'пидорас', 'пидар', 'гандон', 'гондон', 'залупа', 'шлюха',
  'fuck', 'fucking', 'shit', 'bitch',
];

/** Digits and signs used for Cyrillic letters inside a Cyrillic word. */
const CYRILLIC_DIGITS: Readonly<Record<string, string>> = { '0': 'о', '1': 'и', '3': 'з', '4': 'ч', '6': 'б', '@': 'а', $: 'с' };
/** Characters that stand for hidden letters. */
const WILDCARD = /[*#%]/;
const KEEP = /[^\p{L}\p{N}*#%@$]+/u;

/**
 * Finds profanity or abuse in a guest's message; undefined when there is none. Pure, never throws.
 *
 * @example
 * detectAbuse('вы там совсем ох*ели?')?.reason // "profanity"
 * detectAbuse('вы идиоты')?.reason               // "insult"
 * detectAbuse('блин, опаздываю минут на 10')     // undefined
 * detectAbuse('я дура, забыла про запись')        // undefined
 */
export function detectAbuse(text: string | GuardText): AbuseMatch | undefined {
  const { clean, folded } = typeof text === 'object' && text !== null ? text : prepareGuardText(text);
  if (clean.trim() === '') return undefined;
  const hostile = HOSTILITY.exec(folded);
  if (hostile) return { kind: 'abuse', reason: 'hostility', match: hostile[0].trim() };

  let insult: string | undefined;
  let spaced = '';
  const check = (verdict: TokenVerdict): AbuseMatch | undefined => {
    if (verdict.kind === 'profanity') return { kind: 'abuse', reason: 'profanity', match: verdict.word };
    if (verdict.kind === 'insult') insult ??= verdict.word;
    return undefined;
  };
  for (const raw of clean.split(/\s+/)) {
    if (raw === '') continue;
    const token = EDGE.test(raw) ? raw.replace(EDGES, '') : raw;
    // Letters spaced out ("х у й") are read as one word.
    if (token.length <= 2 && /^\p{L}$/u.test(token)) {
      spaced += token;
      continue;
    }
    const joined = Array.from(spaced).length >= 3 ? check(tokenVerdict(spaced)) : undefined;
    if (joined) return joined;
    spaced = '';
    if (token === '') continue;
    const found = check(tokenVerdict(token));
    if (found) return found;
  }
  const last = Array.from(spaced).length >= 3 ? check(tokenVerdict(spaced)) : undefined;
  if (last) return last;

  if (insult === undefined) return undefined;
  const words = folded.trim().split(' ');
  const aimed = words.some((w) => ADDRESSEE.has(w));
  const self = words.some((w) => SELF.has(w));
  if (aimed || (words.length <= 3 && !self)) return { kind: 'abuse', reason: 'insult', match: insult };
  return undefined;
}

/** Punctuation around a token, which says nothing (wildcards and look-alike signs are kept). */
const EDGE = /^[^\p{L}\p{N}*#%@$]|[^\p{L}\p{N}*#%@$]$/u;
const EDGES = /^[^\p{L}\p{N}*#%@$]+|[^\p{L}\p{N}*#%@$]+$/gu;

/** What one token is: mat, an insult, or neither, with the reading that decided it. */
interface TokenVerdict {
  kind: 'profanity' | 'insult' | 'none';
  word: string;
}

/** Guests reuse few words: each token's verdict is memoised (bounded), as the FAQ memoises stems. */
const verdicts = new Map<string, TokenVerdict>();
const MAX_MEMO = 20_000;
const NONE: TokenVerdict = { kind: 'none', word: '' };

function tokenVerdict(token: string): TokenVerdict {
  let verdict = verdicts.get(token);
  if (verdict === undefined) {
    verdict = NONE;
    for (const { word, loose } of candidateWords(token)) {
      if (isProfane(word, loose)) {
        verdict = { kind: 'profanity', word };
        break;
      }
      if (verdict.kind === 'none' && isInsult(word, loose)) verdict = { kind: 'insult', word };
    }
    if (verdicts.size >= MAX_MEMO) verdicts.clear();
    verdicts.set(token, verdict);
  }
  return verdict;
}

/**
 * A word to check. `loose` allows collapsing doubled letters ("сууука"); it is off for English words
 * read as transliteration, where doubles are spelling ("ebook" is not "ебок").
 */
interface Candidate {
  word: string;
  loose: boolean;
}

/** The readable forms of a token: letters with a separator between each ("х.у.й") are one word; other separators split. */
function* candidateWords(token: string): Generator<Candidate> {
  const parts = /^(?:\p{L}[.\-_,'])+\p{L}$/u.test(token) ? [token.replace(/[.\-_,']/g, '')] : token.split(KEEP);
  for (const part of parts) if (part) yield* readings(part);
}

/** A word as it reads: digits and look-alikes made Cyrillic, or a Latin word transliterated too. */
function* readings(word: string): Generator<Candidate> {
  const hasCyrillic = /[\u0400-\u04FF]/.test(word);
  if (hasCyrillic) {
    let mapped = '';
    for (const ch of word) mapped += CYRILLIC_DIGITS[ch] ?? ch;
    yield { word: unmixWord(mapped), loose: true };
    return;
  }
  yield { word, loose: true };
  const cyrillic = /^[a-z]{3,}$/.test(word) ? transliterate(word) : undefined;
  if (cyrillic) yield { word: cyrillic, loose: false };
}

function isProfane(word: string, loose: boolean): boolean {
  if (WILDCARD.test(word)) return matchesCensored(word);
  return PROFANITY.test(word) || (loose && PROFANITY.test(collapse(word)));
}

function isInsult(word: string, loose: boolean): boolean {
  return !WILDCARD.test(word) && (INSULT.test(word) || (loose && INSULT.test(collapse(word))));
}

/** Letters doubled or stretched for emphasis, reduced to one ("сууука" → "сука"). */
function collapse(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * What asterisks usually hide in mat: "х*й", "ох*ели" → "у", "бл*" → "я", "е*ать" → "б". Not "изд": a
 * stem matched anywhere in a word would turn "сп*сибо" into mat; "п***ц" is left to the canonical list.
 */
const HIDDEN = ['у', 'уй', 'уе', 'уя', 'и', 'е', 'б', 'л', 'я', 'ля', 'ук', 'уч', 'ид', 'еб'];

/**
 * A censored word ("п***ц", "с*ка", "ох*ели") that can only be mat: a canonical mat word fits its
 * pattern, or filling the stars with what they usually hide gives mat.
 */
function matchesCensored(word: string): boolean {
  const letters = word.replace(/[*#%]/g, '');
  if (Array.from(letters).length < 2 || !/^[\p{L}*#%]+$/u.test(word)) return false;
  if (HIDDEN.some((hidden) => PROFANITY.test(word.replace(/[*#%]+/g, hidden)))) return true;
  const source = word.replace(/[*#%]+|\p{L}/gu, (run) => (WILDCARD.test(run) ? `\\p{L}{1,${run.length + 2}}` : run));
  const pattern = new RegExp(`^${source}$`, 'u');
  return CANONICAL.some((canonical) => pattern.test(canonical));
}
