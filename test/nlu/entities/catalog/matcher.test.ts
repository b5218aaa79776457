import { expect } from 'chai';
import path from 'node:path';
import { loadCatalog, type Catalog } from '../../../../salon/catalog';
import { createCatalogMatcher, type CatalogEntity, type CatalogMatcher } from '../../../../nlu/entities/catalog';

const catalog: Catalog = loadCatalog(path.join(__dirname, '../../../../content/catalog.yaml'));
const matcher: CatalogMatcher = createCatalogMatcher(catalog);

/** Entities as `kind:value[text]`, in text order: short to read in a table. */
function found(text: string, m: CatalogMatcher = matcher): string[] {
  return m.match(text).map((e) => `${e.entity}:${e.value}[${e.text}]`);
}

function only(text: string): CatalogEntity {
  const entities = matcher.match(text);
  expect(entities, text).to.have.length(1);
  return entities[0];
}

describe('catalog matcher', () => {
  it('marks a master named after a word that points at a master, and no other', () => {
    const master = (text: string) => matcher.match(text).find((e) => e.entity === 'master');
    expect(master('к Орловой')).to.include({ value: 'svetlana', cued: true });
    expect(master('мастер Орлова')).to.include({ value: 'svetlana', cued: true });
    expect(master('Ксения Орлова')).to.include({ value: 'svetlana' }).and.not.have.property('cued');
  });

  describe('shared synonyms («покрытие»)', () => {
    const services = (text: string) => matcher.match(text).filter((e) => e.entity === 'service').map((e) => e.value);
    it('name their service alone', () => {
      expect(services('хочу покрытие в пятницу')).to.deep.equal(['manicure_gel']);
    });
    it('give way to a service of the category they are shared with', () => {
      expect(services('отошло покрытие на ногтях на ногах')).to.deep.equal(['pedicure_gel']);
      expect(services('на педикюре отошло покрытие')).to.deep.equal(['pedicure_gel']);
    });
    it('stay beside a service of another category', () => {
      expect(services('снятие и новое покрытие')).to.deep.equal(['polish_removal', 'manicure_gel']);
    });
  });

  describe('finds every catalog item by its name and synonyms', () => {
    for (const service of catalog.services) {
      it(`finds service ${service.id} by its name and each synonym`, () => {
        for (const text of [service.name, ...service.synonyms, ...service.shared_synonyms]) {
          const e = only(text);
          expect(e, text).to.include({ entity: 'service', value: service.id, confidence: 1 });
          expect(e.category, text).to.equal(undefined);
        }
      });
    }
    for (const category of catalog.categories) {
      it(`reads the ${category.id} words as ${category.default_service}, with confidence 0.8`, () => {
        for (const text of category.synonyms) {
          expect(only(text), text).to.include({ entity: 'service', value: category.default_service, confidence: 0.8, category: category.id });
        }
      });
    }
    for (const branch of catalog.branches) {
      it(`finds branch ${branch.id} by its name, metro stations and synonyms`, () => {
        for (const text of [branch.name, ...branch.metro, ...branch.synonyms]) {
          expect(only(text), text).to.include({ entity: 'branch', value: branch.id, confidence: 1 });
        }
      });
    }
    for (const master of catalog.masters) {
      it(`finds master ${master.id} by full name, first name, surname and diminutives after "к"`, () => {
        for (const text of [master.name, ...master.name.split(' '), ...master.synonyms]) {
          expect(only(`к ${text}`), text).to.include({ entity: 'master', value: master.id, confidence: 1 });
        }
      });
    }
  });

  describe('cases', () => {
    const cases: Array<[string, string[]]> = [
      // phrases: the longest wins, one entity
      ['маникюр с покрытием', ['service:manicure_gel[маникюр с покрытием]']],
      ['МАНИКЮР С ПОКРЫТИЕМ пожалуйста', ['service:manicure_gel[МАНИКЮР С ПОКРЫТИЕМ]']],
      ['маникюр гель-лак', ['service:manicure_gel[маникюр гель-лак]']],
      ['хочу шеллак', ['service:manicure_gel[шеллак]']],
      ['классический маникюр', ['service:manicure_classic[классический маникюр]']],
      ['маникюр без покрытия', ['service:manicure_classic[маникюр без покрытия]']],
      ['ноготочки с покрытием', ['service:manicure_gel[ноготочки с покрытием]']],
      ['педикюрчик с покрытием', ['service:pedicure_gel[педикюрчик с покрытием]']],
      ['маникюр и педикюр', ['service:manicure_gel[маникюр]', 'service:pedicure_gel[педикюр]']],
      ['маникюр+педикюр', ['service:manicure_gel[маникюр]', 'service:pedicure_gel[педикюр]']],
      ['маникюр и педикюр с покрытием', ['service:manicure_gel[маникюр]', 'service:pedicure_gel[педикюр с покрытием]']],
      ['снятие и новое покрытие', ['service:polish_removal[снятие]', 'service:manicure_gel[новое покрытие]']],
      ['снять гель лак', ['service:polish_removal[снять гель лак]']],
      ['коррекция и окрашивание бровей', ['service:brow_shape[коррекция]', 'service:brow_tint[окрашивание бровей]']],
      ['наращивание и ламинирование ресниц', ['service:lash_extension[наращивание]', 'service:lash_lamination[ламинирование ресниц]']],
      ['нарастить реснички', ['service:lash_extension[нарастить реснички]']],
      ['нарощенные ногти', ['service:nail_extension[нарощенные ногти]']],
      ['наращивание и дизайн ногтей', ['service:nail_extension[наращивание]', 'service:nail_design[дизайн ногтей]']],
      ['гель лак на ногти', ['service:manicure_gel[гель лак]']],
      ['покрасить волосы и укладку', ['service:hair_coloring[покрасить волосы]', 'service:blowout[укладку]']],
      ['в москва-сити', ['branch:city[москва-сити]']],
      ['на малой бронной', ['branch:patriki[малой бронной]']],
      // inflections and diminutives
      ['запишите плз на ноготочки в пт после 6', ['service:manicure_gel[ноготочки]']],
      ['на маникюрчик', ['service:manicure_gel[маникюрчик]']],
      ['на бровки', ['service:brow_shape[бровки]']],
      ['ресницы', ['service:lash_extension[ресницы]']],
      ['стрижечку бы', ['service:haircut_women[стрижечку]']],
      ['к Ольге', ['master:olga[Ольге]']],
      ['у Оли', ['master:olga[Оли]']],
      ['с Ольгой', ['master:olga[Ольгой]']],
      ['к Смирновой', ['master:olga[Смирновой]']],
      ['к Оле Смирновой', ['master:olga[Оле Смирновой]']],
      ['на патриках', ['branch:patriki[патриках]']],
      ['в сити', ['branch:city[сити]']],
      ['на Тверской', ['branch:tverskaya[Тверской]']],
      ['у Юли в Сити', ['master:yulia[Юли]', 'branch:city[Сити]']],
      // typos
      ['маникур', ['service:manicure_gel[маникур]']],
      ['педекюр на субботу', ['service:pedicure_gel[педекюр]']],
      ['наращевание ногтей', ['service:nail_extension[наращевание ногтей]']],
      ['к кристине', ['master:kristina[кристине]']],
      ['к кристне', ['master:kristina[кристне]']],
      ['шелак', ['service:manicure_gel[шелак]']],
      // whose name: master or guest
      ['Анна', []],
      ['Анна, здравствуйте, хочу на стрижку', ['service:haircut_women[стрижку]']],
      ['к Анне на стрижку', ['master:anna[Анне]', 'service:haircut_women[стрижку]']],
      ['у Анны', ['master:anna[Анны]']],
      ['мастер Анна', ['master:anna[Анна]']],
      ['Анна Литвинова', ['master:anna[Анна Литвинова]']],
      ['запишите на имя Ольги', []],
      ['меня зовут Марина', []],
      ['для Марины', []],
      ['я Лена, хочу к Юле', ['master:yulia[Юле]']],
      // negatives
      ['любой мастер', []],
      ['сидите дома', []],
      ['хочу снять бронь', []],
      ['мне лень', []],
      ['светлая краска', []],
      ['малина', []],
      ['отменить запись на завтра', []],
      ['коррекция', []],
    ];
    for (const [text, expected] of cases) {
      it(`reads "${text}" as ${expected.length ? expected.join(' + ') : 'nothing'}`, () => {
        expect(found(text)).to.deep.equal(expected);
      });
    }
  });

  describe('confidence', () => {
    it('gives 1 to an exact service and 0.8 plus the category to a generic word', () => {
      expect(only('шеллак')).to.include({ value: 'manicure_gel', confidence: 1 });
      expect(only('ноготочки')).to.include({ value: 'manicure_gel', confidence: 0.8, category: 'manicure' });
    });

    it('gives typos less than the same words spelt right, within 0.7–0.9 for specific words', () => {
      expect(only('наращевание ногтей').confidence).to.be.within(0.7, 0.9);
      expect(only('шелак').confidence).to.be.within(0.7, 0.9);
      expect(only('маникур').confidence).to.be.below(only('маникюр').confidence);
    });

    it('gives a master\'s bare first name less than the name after "к"', () => {
      expect(only('Ольга свободна?').confidence).to.be.below(only('к Ольге').confidence);
      expect(only('запишите на Олю').confidence).to.be.at.most(0.7);
    });
  });

  describe('offsets', () => {
    it('point into the original text, whatever its case, ё, emoji and punctuation', () => {
      const text = '💅 Здравствуйте!! Можно к ОЛЕЧКЕ на Маникюр-с-покрытием, в «Сити»? Ковалёва тоже ок';
      const entities = matcher.match(text);
      expect(entities.map((e) => e.value)).to.deep.equal(['olga', 'manicure_gel', 'city', 'marina']);
      for (const e of entities) expect(text.slice(e.start, e.end)).to.equal(e.text);
      expect(entities[0]).to.include({ text: 'ОЛЕЧКЕ', extractor: 'catalog' });
    });
  });

  describe('robustness', () => {
    it('never throws and finds nothing in empty, emoji, Latin, control-character or huge input', () => {
      for (const text of ['', '   ', '💅✨🌸', 'hello world', '\u0000\u0007\u001b', 'ё'.repeat(10_000), 'a'.repeat(10_000)]) {
        expect(matcher.match(text), JSON.stringify(text.slice(0, 10))).to.deep.equal([]);
      }
      expect(matcher.match(undefined as unknown as string)).to.deep.equal([]);
      expect(matcher.match(42 as unknown as string)).to.deep.equal([]);
    });

    it('reads a 10,000-character message', () => {
      const text = 'маникюр у Оли на патриках '.repeat(385);
      expect(matcher.match(text)).to.have.length(385 * 3);
    });
  });

  describe('extra synonyms', () => {
    it('adds synonyms from outside the catalog', () => {
      const m = createCatalogMatcher(catalog, { extraSynonyms: [{ entity: 'service', value: 'nail_design', text: 'стразики' }] });
      expect(found('хочу стразики', m)).to.deep.equal(['service:nail_design[стразики]']);
      expect(found('хочу стразики')).to.deep.equal([]);
    });

    it('refuses a synonym for an id the catalog does not have', () => {
      expect(() => createCatalogMatcher(catalog, { extraSynonyms: [{ entity: 'master', value: 'irina', text: 'ира' }] })).to.throw('master "irina"');
    });
  });

  describe('speed', () => {
    it('matches a typical message in well under 0.2 ms', () => {
      const messages = ['запишите плз на ноготочки в пт после 6', 'можно к Оле на маникюр с покрытием на патриках', 'коррекция и окрашивание бровей в сити',
        'а есть окошко на завтра вечером?', 'хочу нарастить реснички у Кристины', 'педекюр и снятие гель лака на тверской'];
      for (const m of messages) matcher.match(m);
      const runs = 200;
      const started = process.hrtime.bigint();
      for (let i = 0; i < runs; i++) for (const m of messages) matcher.match(m);
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / (runs * messages.length);
      expect(ms).to.be.below(0.2);
    });
  });
});
