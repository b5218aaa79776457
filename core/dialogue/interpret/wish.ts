/**
 * A wish for a service, not a complaint about one: «хочу покрасить волосы, у меня длинные», «уложить
 * волосы». The classifier may hear a complaint in a service and a few words about the guest; without a
 * word of trouble (something went wrong, she is unhappy, wants her money back) it is a request to book.
 */
import type { Understanding } from '../understand';

/** Words of something gone wrong, anywhere in a word («пожаловаться»): a complaint needs one of them. */
const TROUBLE = /(?:жалоб|жалова|претенз|недовол|испорт|ужасн|плох|кошмар|отош|отошл|отход|отслаив|отслои|откол|скол|облез|слез|сломал|треснул|облупил|криво|неаккурат|верните|вернуть|возврат|больно|покраснел|воспал|аллерг|ожог|порез|опозда|нагруб|хамств|груб|не так|не то|не понрав|передела|исправ|гарант|обман)/u;

/** Words that say she wants it done: «хочу», «нужно», «можно», «запишите», an infinitive of the service. */
const WISH = /(?:^|[^\p{L}])(?:хочу|хотела|хотелось|хотим|нужно|нужна|нужен|надо|можно|запиш|записа|сделать|сделайте|покрасить|постричь|подстричь|уложить|нарастить|оформить|ламинировать)/u;

/** True when the message names a service it wants done and no trouble with one. */
export function wishesAService(u: Pick<Understanding, 'text' | 'entities'>): boolean {
  const text = u.text.toLowerCase().replace(/ё/g, 'е');
  return u.entities.some((e) => e.entity === 'service') && WISH.test(text) && !TROUBLE.test(text);
}
