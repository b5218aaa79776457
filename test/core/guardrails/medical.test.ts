import { expect } from 'chai';
import { detectMedical, type MedicalTopic } from '../../../core/guardrails';

/** Health questions, with what they are about. */
const MEDICAL: Array<[message: string, topic: MedicalTopic]> = [
  ['беременна ли можно', 'pregnancy'],
  ['я беременна можно ли гель лак', 'pregnancy'],
  ['БЕРЕМЕННЫМ можно окрашивание?', 'pregnancy'],
  ['бeременнa, можно на ресницы?', 'pregnancy'],
  ['я кормящая мама, можно ламинирование', 'pregnancy'],
  ['кормлю грудью можно краситься', 'pregnancy'],
  ['на гв можно наращивание?', 'pregnancy'],
  ['у меня аллергия на гель лак', 'allergy'],
  ['аллергик, что посоветуете', 'allergy'],
  ['у меня грибок на ногте, сделаете педикюр?', 'skin-or-nail-disease'],
  ['с псориазом можно на маникюр?', 'skin-or-nail-disease'],
  ['экзема на руках, это не страшно?', 'skin-or-nail-disease'],
  ['атопический дерматит, можно брови красить', 'skin-or-nail-disease'],
  ['вросший ноготь вылечите?', 'skin-or-nail-disease'],
  ['заболевание кожи рук, можно маникюр', 'skin-or-nail-disease'],
  ['при диабете делаете педикюр?', 'condition'],
  ['у меня варикоз, педикюр можно?', 'condition'],
  ['после наращивания ресниц чешутся глаза', 'symptom'],
  ['покраснела кожа вокруг ногтя', 'symptom'],
  ['опухли веки после ламинирования', 'symptom'],
  ['какие противопоказания есть', 'contraindication'],
  ['пью антибиотики можно ли окрашивание', 'medicine'],
  ['какой мазью мазать после', 'medicine'],
  ['делаете уколы красоты?', 'injection'],
  ['ботокс губ сколько стоит', 'injection'],
  ['филлеры ставите?', 'injection'],
  ['мезотерапия есть у вас', 'injection'],
  ['can I do gel polish if I am pregnant', 'pregnancy'],
];

/** Messages that are not health questions, some close to one. */
const NOT_MEDICAL = [
  'ногти как у кота',
  'сколько стоит маникюр с покрытием',
  'заболела, перенесите запись на пятницу',
  'можно с ребенком прийти?',
  'больно ли делать наращивание',
  'у меня короткие ногти, можно нарастить?',
  'кожа вокруг ногтей сухая, сделаете классический?',
  'уколола палец, ничего страшного',
  'рано утром можно записаться?',
  'запишите пораньше',
  'сколько держится гель лак',
  'где вы находитесь',
  'лечебный эффект не нужен, просто красиво',
  'хочу ламинирование ресниц',
  'на тверской в пт после 6',
  'отменить запись',
  'какие правила отмены',
  'ожидание мастера сколько',
  'мастера зовут Кристина?',
  'гвоздика на ногтях — такой дизайн можно?',
  'Ольга в отпуске? хочу только к ней',
  '',
];

describe('detectMedical', () => {
  for (const [message, topic] of MEDICAL) {
    it(`reads "${message}" as a health question (${topic})`, () => {
      expect(detectMedical(message)).to.include({ kind: 'medical', topic });
    });
  }

  for (const message of NOT_MEDICAL) {
    it(`does not read "${message}" as a health question`, () => {
      expect(detectMedical(message)).to.equal(undefined);
    });
  }

  it('does not mind odd input', () => {
    expect(detectMedical('💅💅💅')).to.equal(undefined);
    expect(detectMedical('\u200b\u200b')).to.equal(undefined);
    expect(detectMedical(42 as unknown as string)).to.equal(undefined);
  });
});
