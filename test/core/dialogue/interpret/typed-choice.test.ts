/** A choice typed from the buttons just offered is read as pressing that button (#13, defect 6). */
import { expect } from 'chai';
import { chosenButton } from '../../../../core/dialogue/interpret';

const times = [
  { title: 'пт 27.11 18:00 Ольга', payload: 'o1800' },
  { title: 'пт 27.11 18:00 Марина', payload: 'm1800' },
  { title: 'пт 27.11 18:30 Ольга', payload: 'o1830' },
  { title: 'сб 28.11 12:30 Марина', payload: 'm1230' },
  { title: 'сб 28.11 19:00 Ольга', payload: 'o1900' },
];
const chosen = (text: string) => chosenButton(text, times)?.payload;

describe('a choice typed from the offered buttons', () => {
  it('by its number or its title', () => {
    expect(chosen('2')).to.equal('m1800');
    expect(chosen('сб 28.11 19:00 ольга')).to.equal('o1900');
  });

  it('by an ordinal, in any form', () => {
    expect(chosen('второй вариант')).to.equal('m1800');
    expect(chosen('Первое')).to.equal('o1800');
    expect(chosen('давайте третий')).to.equal('o1830');
    expect(chosen('последний, пожалуйста')).to.equal('o1900');
  });

  it('by an ordinal among the list\'s options, not the administrator button said above it', () => {
    const withAdmin = [{ title: 'Позвать администратора', payload: '/handover' }, ...times.map((t) => ({ ...t, payload: `/slot slot=${t.payload}` }))];
    expect(chosenButton('мне третий', withAdmin)?.payload).to.equal('/slot slot=o1830');
    expect(chosenButton('1', withAdmin)?.payload).to.equal('/handover'); // a number is the button's number
  });

  it('by the time of one offered time, typed as guests type it', () => {
    expect(chosen('давайте в 18:30')).to.equal('o1830');
    expect(chosen('на 12.30 можно?')).to.equal('m1230');
    expect(chosen('в 19')).to.equal('o1900');
  });

  it('a time offered with two masters is narrowed by the master or the day the guest names', () => {
    expect(chosen('к Марине в 18:00')).to.equal('m1800');
    expect(chosen('в 18:00 к ольге')).to.equal('o1800');
    expect(chosen('в 18:00')).to.equal(undefined);
  });

  it('chooses nothing when it refuses, names no offered time, or is about something else', () => {
    expect(chosen('второй не подходит')).to.equal(undefined);
    expect(chosen('а в 15:00 есть?')).to.equal(undefined);
    expect(chosen('во вторник')).to.equal(undefined);
    expect(chosen('второй и третий')).to.equal(undefined);
    expect(chosen('скажите, а у вас можно оплатить картой в 18:30 на месте или только наличными?')).to.equal(undefined);
  });
});
