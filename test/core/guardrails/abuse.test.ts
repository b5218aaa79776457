import { expect } from 'chai';
import { detectAbuse, type AbuseReason } from '../../../core/guardrails';

/** Messages that are abuse, with why. */
const ABUSE: Array<[message: string, reason: AbuseReason]> = [
  ['хуйня какая-то а не маникюр', 'profanity'],
  ['вы там совсем ох*ели?', 'profanity'],
  ['п***ц вы сервис', 'profanity'],
  ['с*ка опять перенесли', 'profanity'],
  ['бл*, где мастер', 'profanity'],
  ['сууука сколько можно ждать', 'profanity'],
  ['xуй вам а не отзыв', 'profanity'],
  ['blyat gde zapis', 'profanity'],
  ['6лядь ну сколько можно', 'profanity'],
  ['х у й вам', 'profanity'],
  ['б.л.я опять', 'profanity'],
  ['заебали уже со своими смс', 'profanity'],
  ['ебучий салон', 'profanity'],
  ['мудак ваш администратор', 'profanity'],
  ['ПИЗДЕЦ', 'profanity'],
  ['this is shit', 'profanity'],
  ['вы идиоты', 'insult'],
  ['ты тупица', 'insult'],
  ['дура', 'insult'],
  ['ваш мастер дебилка', 'insult'],
  ['администраторы у вас уроды', 'insult'],
  ['пошли вы на хер', 'hostility'],
  ['заткнись уже бот', 'hostility'],
  ['fuck you', 'hostility'],
];

/** Messages that are not abuse, some of them close to it. */
const NOT_ABUSE = [
  'блин, опаздываю минут на 10',
  'ногти как у кота',
  'я дура, забыла про запись',
  'капец, совсем забыла',
  'фиг знает, давайте в пятницу',
  'запишите на педикюр',
  'хочу к хорошему мастеру, не к дуре какой-нибудь',
  'тупая пилка была, ногти слоятся',
  'сколько стоит дизайн на 1 ноготь',
  'хуже некуда погода, но приду',
  'похудела, теперь кольца спадают',
  'застрахуйте меня от опозданий',
  'себе и маме запишите',
  'учеба до 18, потом могу',
  'вебинар по уходу есть?',
  'сп*сибо большое',
  'маникюр* со скидкой',
  '5* мастеру',
  'ребенку 12 лет можно?',
  'хлеба и зрелищ',
  'колебалась между тверской и сити',
  'ebook',
  'оскорбление? нет, просто вопрос',
  '😡😡😡',
  '',
];

describe('detectAbuse', () => {
  for (const [message, reason] of ABUSE) {
    it(`reads "${message}" as abuse (${reason})`, () => {
      expect(detectAbuse(message)).to.include({ kind: 'abuse', reason });
    });
  }

  for (const message of NOT_ABUSE) {
    it(`does not read "${message}" as abuse`, () => {
      expect(detectAbuse(message)).to.equal(undefined);
    });
  }

  it('does not mind odd input', () => {
    expect(detectAbuse('\u0000\u0007')).to.equal(undefined);
    expect(detectAbuse('а'.repeat(10_000))).to.equal(undefined);
    expect(detectAbuse(undefined as unknown as string)).to.equal(undefined);
  });
});
