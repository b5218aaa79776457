import { expect } from 'chai';
import type { SlotOffer } from '../../crm';
import { CONVERSATION, input, msk, NOW, PHONES, responses, salon, when, window } from './fixtures';

/** Renders a response with the variables, collecting the ones it lacks. */
function render(key: string, vars: Record<string, unknown>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = responses.render(key, vars, { onMissing: (name) => missing.push(name) });
  return { text, missing };
}

describe('createVariableBuilder', () => {
  it('describes a full booking: what, where, who, when, how much, and the upsell', async () => {
    const { registry, variables } = salon({ seed: false });
    const base = { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: when(window('2026-11-27 18:00', '18:00')) };
    const found = await registry.actions.findFreeSlots(input(base));
    const offers = (found as { slots: { offers: SlotOffer[] } }).slots.offers;
    const slots = { ...base, offers, slot: `${msk('2026-11-27 18:00')}@olga`, guest_name: 'Анна Петрова', phone: PHONES.anna, confirmed: true, created_booking: 'B1', upsell: 'nail_design' };

    const vars = variables(slots, CONVERSATION, NOW);

    expect(vars).to.deep.equal({
      service_names: 'маникюр с покрытием гель-лак',
      branch_names: '«Тверская», «Патриаршие» и «Сити»',
      branch_name: '«Тверская»',
      branch_address: 'ул. Тверская, 12, стр. 1',
      branch_hours: 'ежедневно 10:00–22:00',
      master_name: 'Ольга Смирнова',
      master_branch_name: '«Тверская»',
      slot_time: 'пт, 27 ноября, 18:00',
      price: '3\u202F770\u00A0₽',
      booking_summary: 'маникюр с покрытием гель-лак, пт, 27 ноября, 18:00, «Тверская», мастер Ольга Смирнова',
      upsell_name: 'дизайн (1 ноготь)',
      upsell_price: '195\u00A0₽',
      guest_name: 'Анна Петрова',
      booking_name: 'Анна Петрова',
      phone_masked: '+7 999 ***-**-01',
      free_change_hours: '4\u00A0часа',
      lead_time: '2\u00A0часа',
      horizon_days: '30\u00A0дней',
      admin_hours: 'ежедневно 10:00–21:00',
      admin_answer_time: 'в ближайшее время',
      senior_admin_answer_hours: '2\u00A0часов',
    });
    for (const key of ['confirm_booking', 'booking_confirmed', 'upsell_offer', 'upsell_declined']) expect(render(key, vars).missing, key).to.deep.equal([]);
    expect(render('confirm_booking', vars).text).to.include('Мастер Ольга Смирнова: маникюр с покрытием гель-лак — 3\u202F770\u00A0₽');
  });

  it('names the prepayment of a service that needs one', () => {
    const { variables } = salon({ seed: false });
    const offers: SlotOffer[] = [{ start: msk('2026-11-27 18:00'), end: msk('2026-11-27 20:30'), branch: 'city', master: 'yulia', services: ['nail_extension'], price: 4500, priceFrom: false, minutes: 150 }];
    expect(variables({ service: ['nail_extension'], branch: 'city', offers, slot: offers[0].start }, CONVERSATION, NOW)).to.include({ prepayment: '1\u202F350\u00A0₽' });
  });

  it('says how little time is left before a booking too close to change (the demo guest Екатерина)', async () => {
    const { crm, clientOf, variables } = salon();
    const upcoming = await crm.upcomingBookings(await clientOf(PHONES.katya));
    const vars = variables({ upcoming, booking: upcoming[0].id }, CONVERSATION, NOW);
    expect(vars).to.include({ hours_left: '3\u00A0часа', free_change_hours: '4\u00A0часа' });
    expect(render('change_too_late', vars).text).to.equal('До визита осталось 3\u00A0часа, а менять запись сами мы можем не позднее чем за 4\u00A0часа. Передаём вас администратору — он поможет.');
    expect(vars.booking_summary).to.match(/^маникюр классический, сегодня, 24 ноября, 15:00, «Тверская», мастер/);
  });

  it('names the master of another branch the guest asked for', () => {
    const { variables } = salon({ seed: false });
    expect(variables({ service: ['brow_shape'], branch: 'tverskaya', master: 'kristina' }, CONVERSATION, NOW)).to.include({ master_name: 'Кристина Белова', master_branch_name: '«Патриаршие»' });
  });

  it('follows the clock from one call to the next: "завтра" becomes "сегодня", the answer time moves with the minute', () => {
    const { variables } = salon({ seed: false });
    const offers: SlotOffer[] = [{ start: msk('2026-11-25 18:00'), end: msk('2026-11-25 19:30'), branch: 'tverskaya', master: 'olga', services: ['manicure_gel'], price: 2900, priceFrom: false, minutes: 90 }];
    const slots = { service: ['manicure_gel'], branch: 'tverskaya', offers, slot: offers[0].start };
    expect(variables(slots, CONVERSATION, new Date(msk('2026-11-24 20:59')))).to.include({ slot_time: 'завтра, 25 ноября, 18:00', admin_answer_time: 'в ближайшее время' });
    expect(variables(slots, CONVERSATION, new Date(msk('2026-11-24 21:00')))).to.include({ slot_time: 'завтра, 25 ноября, 18:00', admin_answer_time: 'завтра после 10:00' });
    expect(variables(slots, CONVERSATION, new Date(msk('2026-11-25 09:00')))).to.include({ slot_time: 'сегодня, 25 ноября, 18:00', admin_answer_time: 'сегодня после 10:00' });
  });

  it('leaves out what it does not know, and takes the guest\'s name from the channel when it reads as one', () => {
    const { variables } = salon({ seed: false });
    const vars = variables({}, { ...CONVERSATION, name: 'Вера' }, NOW);
    expect(vars).to.not.have.any.keys('service_names', 'branch_name', 'master_name', 'slot_time', 'price', 'phone_masked', 'booking_summary', 'ticket_id', 'guarantee_until');
    expect(vars).to.include({ guest_name: 'Вера' });
    expect(variables({}, { ...CONVERSATION, name: 'vera_92' }, NOW)).to.not.have.property('guest_name');
  });
});
