import { expect } from 'chai';
import { asksQuestion } from '../../../../core/dialogue/interpret/question';

describe('a message put as a question', () => {
  it('has a question mark or a question word', () => {
    for (const text of ['а педикюр сколько стоит', 'где вы находитесь', 'можно с собакой', 'педикюр?', 'есть ли парковка']) expect(asksQuestion(text), text).to.equal(true);
  });
  it('has a price word or a question word typed with one slip', () => {
    for (const text of ['почем окрашивание', 'поечм окрашивание волос у вас', 'скольео стоит маникюр', 'почм педикюр', 'стоимость стрижки']) expect(asksQuestion(text), text).to.equal(true);
  });
  it('is not a statement one slip from a question word', () => {
    for (const text of ['мне нужна стрижка', 'хочу покрасить волосы']) expect(asksQuestion(text), text).to.equal(false);
  });
  it('is not a statement of what the guest wants', () => {
    for (const text of ['только педикюр, без маникюра', 'мне только ресницы!', 'педикюр вместо маникюра', 'давайте к Марине']) expect(asksQuestion(text), text).to.equal(false);
  });
});
