import { expect } from 'chai';
import { contentStems, isCondition, polarityOf, splitSentences, statementPart } from '../../../../core/llm/claims';

const signs = (sentence: string) => polarityOf(sentence).map((p) => `${p.axis}${p.value}`);

describe('the polarity of a sentence', () => {
  it('reads yes and no, permissions and prohibitions', () => {
    expect(signs('Да, картой можно')).to.deep.equal(['stance+']);
    expect(signs('Простите, с питомцами к нам нельзя.')).to.deep.equal(['stance-']);
    expect(signs('Уколов красоты у нас нет')).to.deep.equal(['stance-']);
    expect(signs('Наличные не принимаем')).to.deep.equal(['stance-']);
    expect(signs('Онлайн записываем не раньше чем за 2 часа')).to.deep.equal([]);
  });

  it('reads free and paid, needed and not, every case and some', () => {
    expect(signs('Кофе для гостей бесплатно')).to.deep.equal(['cost+']);
    expect(signs('Снятие — 500 ₽, но не бесплатно')).to.deep.equal(['cost-']);
    expect(signs('Чай за отдельную плату')).to.deep.equal(['cost-']);
    expect(signs('Предоплата не нужна')).to.deep.equal(['necessity-']);
    expect(signs('На остальные услуги записываем без предоплаты')).to.deep.equal(['necessity-']);
    expect(signs('При записи обязательна предоплата')).to.deep.equal(['necessity+']);
    expect(signs('Предоплата нужна только для наращивания')).to.deep.equal(['necessity+', 'scope-']);
    expect(signs('Скидка на все услуги')).to.deep.equal(['scope+']);
    expect(signs('Не нужна ни на одну услугу')).to.deep.equal(['necessity-', 'scope+']);
  });

  it('tells a condition', () => {
    expect(isCondition('Если в тот же визит делаем новое покрытие, снятие бесплатно')).to.equal(true);
    expect(isCondition('Напишите, когда удобно прийти')).to.equal(false);
  });
});

describe('the sentences and words of an answer', () => {
  it('splits at endings, line breaks and emoji before a capital, not after «ул.»', () => {
    expect(splitSentences('Да, можно 🌸 Ждём вас! Мы на ул. Тверская, 12.\nПарковка платная; метро рядом')).to.deep.equal(['Да, можно 🌸', 'Ждём вас!', 'Мы на ул. Тверская, 12.', 'Парковка платная;', 'метро рядом']);
    expect(splitSentences('Маникюр — 2 900 ₽, 90 мин. Без покрытия — 1 800 ₽.')).to.have.length(2);
  });

  it('leaves out a question at the end of a sentence', () => {
    expect(statementPart('Да, можно — записать вас?')).to.equal('Да, можно');
    expect(statementPart('Записать вас?')).to.equal('');
  });

  it('keeps the words that state something, as stems', () => {
    expect(contentStems('Да, пилки у нас одноразовые — для каждого гостя новые ✨')).to.deep.equal(['пилк', 'одноразов', 'нов']);
    expect(contentStems('Ждём вас в салоне, напишите, если хотите записаться')).to.deep.equal([]);
  });
});
