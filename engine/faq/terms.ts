/**
 * The terms of lexical retrieval: the Russian stems of a normalised text's content words, without the
 * function words and messenger politeness that every question shares ("а", "у", "вы", "подскажите",
 * "плз").
 */
import { stemRu } from '../../nlu/embed';

/** Function words and politeness, in normalised form (lowercase, ё → е). */
const STOPWORDS = new Set(
  `а и но или да в во на с со у к ко по о об обо за из от до для при про над под ли же бы ну вот то это
  этот эта эти тот та те вы вас вам вами ваш ваша ваше ваши вашем вашей я мне меня мной мы нас нам он она
  оно они его ее их им мой моя мое мои что чтобы как так там тут тоже еще уже очень просто ой ок окей
  подскажите скажите подскажи скажи пожалуйста пожалуйсто плз плиз пж пжл пжлст здравствуйте здрасьте
  привет приветик добрый доброе доброго девушки девочки хочу хотела хотел бы интересует узнать`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The stems of the content words of a text already passed through `normaliseForClassifier`.
 *
 * @example
 * lexicalTerms('подскажите а сколько стоит маникюр') // ["скольк", "стоит", "маникюр"]
 */
export function lexicalTerms(normalised: string): string[] {
  const terms: string[] = [];
  for (const word of normalised.split(' ')) {
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    terms.push(stemRu(word));
  }
  return terms;
}
