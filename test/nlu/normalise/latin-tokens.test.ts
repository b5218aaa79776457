import { expect } from 'chai';
import { normaliseForClassifier, convertLayout } from '../../../nlu/normalise';

/** Russian words typed with the Latin layout, none of them in the built-in sample text. */
const RUSSIAN_WORDS = (
  'здравствуй подскажите когда окошко хотелось попасть вечерком узнать стоимость педикюра займет '
  + 'коррекция получится четверг утречком мастерица спасибочки перезвоните отросли треснуло адрес '
  + 'салона ближайшее принимаете карты подарить опоздаю немного извиняюсь занята допоздна выходной '
  + 'суббота месяц двадцатое пятнадцатое'
).split(' ');

const ENGLISH_WORDS = (
  'hello thanks booking nails manicure price please sorry coffee tomorrow friday evening morning great '
  + 'good when where appointment cancel instagram shellac design french what free time today lashes brows '
  + 'google iphone facebook youtube tiktok awesome amazing cool nice super love premium chanel zara'
).split(' ');

const TRANSLIT_WORDS = (
  'privet spasibo zapishite manikur nogotochki segodnya zavtra khochu hochu pedikur zapisatsya mozhno '
  + 'vecherom utrom pyatnicu subbotu skolko stoit otmenit perenesti master brovi resnicy dobryy den'
).split(' ');

const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
const CYRILLIC_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбю';
const typedInLatinLayout = (word: string): string => [...word].map((c) => LATIN_KEYS[CYRILLIC_KEYS.indexOf(c)] ?? c).join('');

describe('Latin token decisions', () => {
  it('maps every ЙЦУКЕН letter key, including , . ; \' [ ]', () => {
    expect(convertLayout(LATIN_KEYS)).to.equal(CYRILLIC_KEYS);
    expect(convertLayout('`~')).to.equal('ее');
  });

  it('recognises at least 90 % of unseen Russian words typed in the Latin layout, without a vocabulary', () => {
    const hits = RUSSIAN_WORDS.filter((w) => normaliseForClassifier(typedInLatinLayout(w)) === w);
    expect(hits.length / RUSSIAN_WORDS.length).to.be.at.least(0.9);
  });

  it('never reads an English word as a wrong-layout word', () => {
    for (const word of ENGLISH_WORDS) {
      expect(normaliseForClassifier(word)).to.match(/^[a-zа-я]+$/);
      expect(normaliseForClassifier(word)).not.to.equal(convertLayout(word));
    }
  });

  it('reads transliterated Russian as transliteration, not as a wrong layout', () => {
    for (const word of TRANSLIT_WORDS) {
      expect(normaliseForClassifier(word)).not.to.equal(convertLayout(word));
      expect(normaliseForClassifier(word)).to.match(/^[а-я]+$/);
    }
  });

  it('converts a short wrong-layout token only with other wrong-layout words around it', () => {
    expect(normaliseForClassifier('d gznybwe')).to.equal('в пятницу');
    expect(normaliseForClassifier('lf')).to.equal('да');
    expect(normaliseForClassifier('at 6 pm')).to.equal('at 6 pm');
  });

  it('prefers the vocabulary over plausibility', () => {
    expect(normaliseForClassifier('cegth', new Set(['супер']))).to.equal('супер');
  });
});
