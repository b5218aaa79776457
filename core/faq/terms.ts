/**
 * The terms of lexical retrieval: the Russian stems of a normalised text's content words, without the
 * function words, messenger politeness and request verbs that say nothing of the topic ("а", "у",
 * "вы", "подскажите", "плз", "скиньте").
 */
import { stemRu } from '../../nlu';

/** Function words, politeness and request verbs, in normalised form (lowercase, ё → е). */
const STOPWORDS = new Set(
  `а и но или да в во на с со у к ко по о об обо за из от до для при про над под ли же бы ну вот то это
  этот эта эти тот та те вы вас вам вами ваш ваша ваше ваши вашем вашей я мне меня мной мы нас нам он она
  оно они его ее их им мой моя мое мои что чтобы как так там тут тоже еще уже очень просто ой ок окей
  подскажите скажите подскажи скажи пожалуйста пожалуйсто плз плиз пж пжл пжлст здравствуйте здрасьте
  привет приветик добрый доброе доброго девушки девочки хочу хотела хотел бы интересует узнать скиньте
  скинь скинуть пришлите пришли напишите напиши отправьте отправь дайте расскажите можете`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The stems of the content words of a text already passed through `normaliseForClassifier`.
 *
 * @example
 * lexicalTerms('подскажите а сколько стоит маникюр') // ["скольк", "сто", "маникюр"]
 */
export function lexicalTerms(normalised: string): string[] {
  const terms: string[] = [];
  for (const word of normalised.split(' ')) {
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

/** Stemming runs a dozen regexes per word: guests reuse few words, so stems are memoised (bounded). */
const stems = new Map<string, string>();
const MAX_MEMO = 20_000;

function stem(word: string): string {
  let value = stems.get(word);
  if (value === undefined) {
    value = stemRu(word);
    if (stems.size >= MAX_MEMO) stems.clear();
    stems.set(word, value);
  }
  return value;
}
