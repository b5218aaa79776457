/** «вместо», «только», «без», «не …, а …» replace or remove services; they never add (#13, defect 5). */
import { expect } from 'chai';
import type { Entity } from '../../../nlu';
import { editedList } from '../../../core/dialogue/slots';

/** The service entities of `text`, at the words given. */
function services(text: string, words: Record<string, string>): Entity[] {
  return Object.entries(words).map(([word, value]) => ({ entity: 'service', value, start: text.indexOf(word), end: text.indexOf(word) + word.length, text: word }));
}

const edit = (current: string[], text: string, words: Record<string, string>) => editedList(current, services(text, words), text);

describe('editing the services of a booking', () => {
  it('«вместо» replaces the one it names, keeping the others', () => {
    expect(edit(['manicure_gel'], 'педикюр вместо маникюра', { педикюр: 'pedicure_gel', маникюра: 'manicure_gel' })).to.deep.equal(['pedicure_gel']);
    expect(edit(['manicure_gel', 'brow_shape'], 'давайте педикюр вместо маникюра', { педикюр: 'pedicure_gel', маникюра: 'manicure_gel' })).to.deep.equal(['brow_shape', 'pedicure_gel']);
  });

  it('«только» keeps nothing but what it names', () => {
    expect(edit(['manicure_gel', 'pedicure_gel'], 'мне только педикюр!', { педикюр: 'pedicure_gel' })).to.deep.equal(['pedicure_gel']);
    expect(edit(['lash_extension', 'nail_extension'], 'только ресницы', { ресницы: 'lash_extension' })).to.deep.equal(['lash_extension']);
    expect(edit(['manicure_gel', 'pedicure_gel'], 'только педикюр, без маникюра', { педикюр: 'pedicure_gel', маникюра: 'manicure_gel' })).to.deep.equal(['pedicure_gel']);
  });

  it('«без», «не …, а …», «уберите» take out', () => {
    expect(edit(['manicure_gel', 'pedicure_gel'], 'без маникюра', { маникюра: 'manicure_gel' })).to.deep.equal(['pedicure_gel']);
    expect(edit(['manicure_gel'], 'не маникюр, а педикюр', { маникюр: 'manicure_gel', педикюр: 'pedicure_gel' })).to.deep.equal(['pedicure_gel']);
    expect(edit(['manicure_gel', 'brow_shape'], 'брови уберите', {})).to.equal(undefined);
    expect(edit(['manicure_gel', 'brow_shape'], 'уберите брови', { брови: 'brow_shape' })).to.deep.equal(['manicure_gel']);
  });

  it('taking out the only service leaves none: the flow asks again', () => {
    expect(edit(['manicure_gel'], 'без маникюра', { маникюра: 'manicure_gel' })).to.equal(null);
  });

  it('«ещё», «добавьте», «плюс» add to what was chosen', () => {
    expect(edit(['manicure_gel'], 'и ещё педикюр', { педикюр: 'pedicure_gel' })).to.deep.equal(['manicure_gel', 'pedicure_gel']);
    expect(edit(['manicure_gel'], 'добавьте брови', { брови: 'brow_shape' })).to.deep.equal(['manicure_gel', 'brow_shape']);
  });

  it('a plain message names the list anew, as before', () => {
    expect(edit(['manicure_gel'], 'хотя нет, лучше педикюр', { педикюр: 'pedicure_gel' })).to.deep.equal(['pedicure_gel']);
    expect(edit([], 'маникюр и педикюр', { маникюр: 'manicure_gel', педикюр: 'pedicure_gel' })).to.deep.equal(['manicure_gel', 'pedicure_gel']);
  });
});
