/**
 * Words that state nothing a source must support: Russian function words (with linking verbs such as
 * «стоит», «занимает», «действует» and hedges such as «примерно»), and the brand's courtesy
 * words — how the salon speaks («ждём вас», «подскажем», «напишите нам»), not what it claims. The
 * polarity cues («можно», «нет», «бесплатно»…) are not here: polarity.ts reads them. Word forms,
 * lowercase, «ё» as «е».
 */

const FUNCTION_WORDS = `
и а но или либо да же ли бы то это этот эта эти этого этой этом эту тот та те того той тех там тут здесь
в во на с со к ко по за от до из изо у о об обо для при через над под про перед между около после вокруг
как так что чтобы чем когда если пока потому поэтому разве где куда откуда почему зачем какой какая какое какие каким какую каких
мы нас нам нами наш наша наше наши нашего нашей нашем нашу наших нашим нашими
вы вас вам вами ваш ваша ваше ваши вашего вашей вашем вашу ваших вашим вашими
он она оно они его ее её их им ими ему ей него неё нее ним ней них нему себя себе собой сам сама сами
кто кого кому чем чём ком весь вся всё все всего всей всем всех всеми
уже еще ещё очень тоже также просто прямо вот ведь лишь именно ну вообще обычно сразу
будет будут будем был была было были есть быть является
ни не нет бы
стоит стоят составляет составит занимает занимают займет длится длятся действует действуют идет идут
получается получится выходит выйдет обойдется является являются бывает
примерно приблизительно около обычно почти где-то
`;

/** The brand's courtesy words: greetings, thanks, invitations and offers to help. */
const COURTESY_WORDS = `
здравствуйте привет добрый доброе добрая день дня утро вечер спасибо благодарим пожалуйста
рады рад будем ждем ждём ждать встретим встретить приходите заходите
подскажем подскажите подсказать расскажем расскажите расскажу поможем помочь поможет поможем
напишите пишите написать напишем обращайтесь обратитесь уточните уточним уточнить
хотите хотели желаете запишем записать записаться удобно удобное удобный удобнее удобную выбрать выберите скажите
конечно разумеется отлично прекрасно хорошо замечательно супер увы простите извините сожалению
гость гостя гостю гости гостей гостям салон салона салоне салону салонов салонах
`;

const toSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/u).filter(Boolean).map((w) => w.replace(/ё/gu, 'е')));

/** Function words: never content. */
export const STOP_WORDS: ReadonlySet<string> = toSet(FUNCTION_WORDS);

/** The brand's courtesy words: never content. */
export const BRAND_COURTESY_WORDS: ReadonlySet<string> = toSet(COURTESY_WORDS);

/** True when a lowercase word («ё» as «е») states nothing by itself. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || BRAND_COURTESY_WORDS.has(word);
}
