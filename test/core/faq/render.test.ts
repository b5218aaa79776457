import { expect } from 'chai';
import { ContentError } from '../../../salon/errors';
import { renderFaqAnswer } from '../../../core/faq';
import { shippedCatalog } from '../../support/content';

/** Renders one answer text against the shipped catalog. */
const render = (answer: string) => renderFaqAnswer({ id: 'test', answer, source: { file: 'content/faq/test.yaml', line: 3 } }, shippedCatalog());

/** The ContentError rendering `answer` throws. */
function errorOf(answer: string): ContentError {
  try {
    render(answer);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('renderFaqAnswer', () => {
  it('fills in prices and durations from the catalog', () => {
    expect(render('Маникюр — {price:manicure_gel}, {minutes:manicure_gel} мин.')).to.equal('Маникюр — 2\u202F900\u00A0₽, 90 мин.');
  });

  it('writes "от" before a lower-bound price', () => {
    expect(render('{price:haircut_women}')).to.equal('от\u00A02\u202F500\u00A0₽');
  });

  it('formats each branch’s opening hours', () => {
    expect(render('{hours:tverskaya}')).to.equal('ежедневно 10:00–22:00');
    expect(render('{hours:city}')).to.equal('пн–сб 09:00–21:00, вс 10:00–20:00');
  });

  it('resolves the branch references: name, address, metro with its note, parking', () => {
    expect(render('{branch_name:patriki}: {address:patriki}, м. {metro:patriki}')).to.equal('«Патриаршие»: Малая Бронная ул., 20, м. Маяковская (7 мин пешком)');
    expect(render('{metro:city}')).to.equal('Выставочная, Деловой центр');
    expect(render('{parking:city}')).to.equal('подземный паркинг ТЦ, первый час бесплатно по штампу салона');
  });

  it('resolves surcharge, prepayment, guarantee and where a service is offered', () => {
    expect(render('{top_surcharge}')).to.equal('30 %');
    expect(render('{prepayment:nail_extension}')).to.equal('30 %');
    expect(render('{guarantee:lash_extension} / {guarantee:manicure_gel}')).to.equal('3\u00A0дня / 7\u00A0дней');
    expect(render('{branches_for:lash_extension}')).to.equal('«Патриаршие» и «Сити»');
  });

  it('lists a branch’s services and the categories in lowercase', () => {
    expect(render('{services_in:city}')).to.match(/^маникюр классический \(без покрытия\), маникюр с покрытием гель-лак, /).and.not.include('стрижка');
    expect(render('{categories}')).to.equal('маникюр, педикюр, наращивание и дизайн ногтей, брови, ресницы, волосы');
  });

  it('leaves text without references unchanged', () => {
    expect(render('Оплатить можно картой 🤍')).to.equal('Оплатить можно картой 🤍');
  });

  it('rejects an unknown service with a did-you-mean hint and the entry’s file and line', () => {
    const error = errorOf('{price:manicur_gel}');
    expect(error.message).to.include('content/faq/test.yaml:3').and.include('unknown service "manicur_gel"');
    expect(error.hint).to.include('did you mean "manicure_gel"?');
  });

  it('rejects an unknown reference kind and lists the kinds', () => {
    const error = errorOf('{prise:manicure_gel}');
    expect(error.message).to.include('unknown reference {prise:manicure_gel}');
    expect(error.hint).to.include('did you mean "price"?').and.include('hours:<branch>');
  });

  it('rejects a reference without its id, or with one it does not take', () => {
    expect(errorOf('{price}').hint).to.include('{price:<service id>}');
    expect(errorOf('{top_surcharge:olga}').message).to.include('takes no id');
  });

  it('rejects a guarantee or prepayment the service does not have', () => {
    expect(errorOf('{guarantee:blowout}').message).to.include('has no guarantee');
    expect(errorOf('{prepayment:manicure_gel}').message).to.include('takes no prepayment');
  });

  it('rejects a brace that is not part of a reference', () => {
    expect(errorOf('Цена {price:manicure_gel').message).to.include('"{" that is not part of a reference');
    expect(errorOf('Цена } и всё').message).to.include('"}" that is not part of a reference');
  });
});
