import { expect } from 'chai';
import { BRAND_EMOJI, brandProblems, emojiIn } from '../../../core/responses';

describe('brandProblems', () => {
  const fine = [
    'На какую услугу вас записать? 💅',
    'Здравствуйте! Это Madam COCO 🌸 Чем можем помочь?',
    'Нам очень жаль, что так вышло. Давайте разберёмся.',
    'Ждём вас ✨️', // with a variation selector
    'Напишите, например, «я опоздаю на полчаса» — мы всё поймём.',
    'Мы записали ваше обращение. Старший администратор ответит вам в рабочее время.',
  ];
  for (const text of fine) {
    it(`finds nothing in "${text}"`, () => {
      expect(brandProblems(text)).to.deep.equal([]);
    });
  }

  const broken: Array<[string, RegExp]> = [
    ['Готово! 💅✨', /2 emoji/],
    ['Готово! 🎉', /emoji 🎉 is not one of the brand's/],
    ['Готово! 👩‍🦰', /emoji 👩‍🦰 is not one/],
    ['К сожалению, мест нет 🌸', /apology with an emoji/],
    ['Извините за ожидание 🤍', /apology with an emoji/],
    ['Мне жаль.', /speaks as «Мне»/],
    ['Как тебя зовут?', /called «тебя»/],
    ['Стоимость 2900.', /literal number/],
    ['Стоимость две тысячи руб.', /literal number or price/],
    ['Раз. Два. Три. Четыре.', /4 sentences/],
  ];
  for (const [text, problem] of broken) {
    it(`objects to "${text}"`, () => {
      expect(brandProblems(text).map((p) => p.problem).join('\n')).to.match(problem);
    });
  }

  it('counts a ZWJ sequence and a flag as one emoji each', () => {
    expect(emojiIn('👩‍🦰 и 🇷🇺 и 💅')).to.deep.equal(['👩‍🦰', '🇷🇺', '💅']);
  });

  it('allows the brand\'s four emoji', () => {
    expect(BRAND_EMOJI).to.deep.equal(['💅', '✨', '🌸', '🤍']);
  });
});
