import { expect } from 'chai';
import { extractGuestName } from '../../../nlu/entities/guest-name';

describe('extractGuestName', () => {
  const names: Array<[string, string, string]> = [
    // [message, value, text of the span]
    ['на имя Ирины', 'Ирина', 'Ирины'],
    ['запишите маму, Тамару Ивановну', 'Тамара Ивановна', 'Тамару Ивановну'],
    ['на Ирину', 'Ирина', 'Ирину'],
    ['меня зовут Катя', 'Катя', 'Катя'],
    ['это Ольга Сергеевна', 'Ольга Сергеевна', 'Ольга Сергеевна'],
    ['Ирина 89991234567', 'Ирина', 'Ирина'],
    ['запишите Петрову Анну', 'Анна Петрова', 'Петрову Анну'],
    ['запишите Анну Петрову', 'Анна Петрова', 'Анну Петрову'],
    ['на дочку Машу', 'Маша', 'Машу'],
    ['ирина', 'Ирина', 'ирина'],
    ['на имя Марии', 'Мария', 'Марии'],
    ['запишите Марию на пятницу', 'Мария', 'Марию'],
    ['для Ириной мамы? нет, для Сергея', 'Сергей', 'Сергея'],
    ['на Ивана', 'Иван', 'Ивана'],
    ['на имя Ивана Петрова', 'Иван Петров', 'Ивана Петрова'],
    ['Запишите пожалуйста Ирину Ивановну Смирнову на пятницу', 'Ирина Ивановна Смирнова', 'Ирину Ивановну Смирнову'],
    ['запишите Семёна Семёновича', 'Семён Семёнович', 'Семёна Семёновича'],
    ['на имя Ковалёвой Марины', 'Марина Ковалёва', 'Ковалёвой Марины'],
    ['сына Диму на стрижку', 'Дима', 'Диму'],
    ['на имя Снежаны', 'Снежана', 'Снежаны'],
    ['меня зовут эвелина', 'Эвелина', 'эвелина'],
    ['Bhbye pfgbibnt', 'Ирина', 'Bhbye'],
    ['Вера Павловна', 'Вера Павловна', 'Вера Павловна'],
  ];

  for (const [message, value, written] of names) {
    it(`reads ${JSON.stringify(value)} from ${JSON.stringify(message)}`, () => {
      const found = extractGuestName(message).filter((e) => e.value === value);
      expect(found, JSON.stringify(extractGuestName(message))).to.have.length(1);
      const [name] = found;
      expect(name).to.include({ entity: 'guest_name', text: written, extractor: 'name' });
      expect(message.slice(name.start, name.end)).to.equal(written);
    });
  }

  it('tells a woman\'s nominative from a man\'s genitive by the cue', () => {
    expect(extractGuestName('на имя Александра')[0].value).to.equal('Александр');
    expect(extractGuestName('меня зовут Александра')[0].value).to.equal('Александра');
    expect(extractGuestName('на имя Евгении')[0].value).to.equal('Евгения');
  });

  it('reads a name after «подруги», «мамы» as a woman\'s, in whatever case it is written', () => {
    expect(extractGuestName('это для подруги, Валентина')[0].value).to.equal('Валентина');
    expect(extractGuestName('для подруги Валентины')[0].value).to.equal('Валентина');
    expect(extractGuestName('для сына Саши')[0].value).to.equal('Саша');
  });

  it('takes no verb in the imperative for a name after «имя»', () => {
    expect(extractGuestName('имя поправьте пожалуйста, Варвара').map((e) => e.value)).to.deep.equal(['Варвара']);
  });

  it('restores the nominative from every case of a name', () => {
    for (const form of ['Ирины', 'Ирину', 'Ирине', 'Ириной']) expect(extractGuestName(`для ${form}`)[0].value).to.equal('Ирина');
    for (const form of ['Сергея', 'Сергею', 'Сергеем']) expect(extractGuestName(`на ${form}`)[0].value).to.equal('Сергей');
    expect(extractGuestName('на Павла')[0].value).to.equal('Павел');
    expect(extractGuestName('на имя Любови Петровны')[0].value).to.equal('Любовь Петровна');
  });

  it('is more confident after a cue than for a bare name', () => {
    expect(extractGuestName('на имя Ирины')[0].confidence).to.be.at.least(0.85);
    expect(extractGuestName('ирина')[0].confidence).to.equal(0.6);
    expect(extractGuestName('Ирина 89991234567')[0].confidence).to.be.within(0.6, 0.8);
  });

  const noNames: Array<[string, string]> = [
    ['a master after "к"', 'к Ольге на маникюр'],
    ['a master after "мастеру"', 'хочу к мастеру Марине'],
    ['a companion after "с"', 'в субботу приду с Ирой'],
    ['"любой"', 'любой мастер, мне любой'],
    ['weekdays', 'в субботу или в среду, можно в пятницу'],
    ['a lowercase flower without a cue', 'купила розу, пахнет'],
    ['a lowercase "вера" inside a sentence', 'моя вера в мастеров'],
    ['a month that is also a name', '25 марта'],
    ['a kinship noun alone', 'на имя мамы'],
    ['"жене" as a noun', 'подарок жене на день рождения'],
    ['a booking without a name', 'запишите плз на ноготочки в пт после 6'],
  ];

  for (const [what, message] of noNames) {
    it(`finds no guest name in ${what}: ${JSON.stringify(message)}`, () => {
      expect(extractGuestName(message)).to.deep.equal([]);
    });
  }

  it('reads a name that is also a word when it has a cue, a capital mid-sentence or the message to itself', () => {
    expect(extractGuestName('на Розу')[0].value).to.equal('Роза');
    expect(extractGuestName('приходите с мамой, а запишите Веру')[0].value).to.equal('Вера');
    expect(extractGuestName('подруга Роза придёт')[0].value).to.equal('Роза');
    expect(extractGuestName('вера')[0].value).to.equal('Вера');
  });

  it('skips the excluded spans and still finds the guest', () => {
    const message = 'запишите к Ольге, на имя Ирины';
    const master = { start: message.indexOf('Ольге'), end: message.indexOf('Ольге') + 5 };
    expect(extractGuestName(message, { exclude: [master] }).map((e) => e.value)).to.deep.equal(['Ирина']);
    expect(extractGuestName('Ольга', { exclude: [{ start: 0, end: 5 }] })).to.deep.equal([]);
  });

  it('keeps a surname-looking everyday word out of the name', () => {
    expect(extractGuestName('Маша готова').map((e) => e.value)).to.deep.equal(['Маша']);
    expect(extractGuestName('запишите Ирину снова').map((e) => e.value)).to.deep.equal(['Ирина']);
  });

  it('copes with empty, huge and hostile input', () => {
    expect(extractGuestName('')).to.deep.equal([]);
    expect(extractGuestName('🤬\u0000\u200B')).to.deep.equal([]);
    const long = 'запишите на имя Ирины, '.repeat(450);
    const started = process.hrtime.bigint();
    expect(extractGuestName(long)).to.have.length(450);
    expect(Number(process.hrtime.bigint() - started) / 1e6).to.be.below(500);
  });
});
