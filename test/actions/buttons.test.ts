import { expect } from 'chai';
import type { Button } from '../../common';
import { MAX_TITLE_LENGTH } from '../../actions';
import { booking, catalog, input, msk, offer, salon } from './fixtures';

describe('salon button providers', () => {
  const { registry } = salon({ seed: false });
  const buttons = async (name: string, slots: Record<string, unknown> = {}, channel?: string): Promise<Button[]> =>
    registry.buttons[name](input(slots, channel ? { conversation: { channel } } : {}));

  describe('popularServices', () => {
    it('offers the default service of every category, as a one-service list, titled with the category', async () => {
      const shown = await buttons('popularServices');
      expect(shown).to.have.length(6);
      expect(shown).to.deep.include({ title: 'Маникюр', payload: '/slot service=["manicure_gel"]' });
      expect(shown.map((b) => JSON.parse(b.payload.replace('/slot service=', '')))).to.have.deep.members(catalog.categories.map((c) => [c.default_service]));
    });

    it('puts the most booked categories first', async () => {
      const { registry: fresh, crm } = salon({ seed: false });
      await crm.createBooking({ services: ['lash_lamination'], branch: 'city', master: 'yulia', start: msk('2026-11-25 10:00'), guestName: 'Вера', phone: '+79161112233' });
      await crm.createBooking({ services: ['brow_tint'], branch: 'city', master: 'yulia', start: msk('2026-11-25 12:00'), guestName: 'Вера', phone: '+79161112233' });
      await crm.createBooking({ services: ['lash_extension'], branch: 'city', master: 'yulia', start: msk('2026-11-25 14:00'), guestName: 'Вера', phone: '+79161112233' });
      const shown = await fresh.buttons.popularServices(input());
      expect(shown.slice(0, 3).map((b) => b.title)).to.deep.equal(['Ресницы', 'Брови', 'Маникюр']);
    });
  });

  describe('branchesForServices', () => {
    it('offers the branches where the chosen services are done', async () => {
      expect(await buttons('branchesForServices', { service: ['lash_extension'] })).to.deep.equal([
        { title: '«Патриаршие»', payload: '/slot branch=patriki' },
        { title: '«Сити»', payload: '/slot branch=city' },
      ]);
    });

    it('for a redo with another master, offers only the branches where someone else does the services', async () => {
      expect((await buttons('branchesForServices', { service: ['pedicure_gel'], avoid_master: 'svetlana' })).map((b) => b.payload)).to.deep.equal([
        '/slot branch=tverskaya',
        '/slot branch=city',
      ]);
    });

    it('offers every branch when no service is chosen yet', async () => {
      expect((await buttons('branchesForServices')).map((b) => b.payload)).to.deep.equal(['/slot branch=tverskaya', '/slot branch=patriki', '/slot branch=city']);
    });
  });

  it('branches offers every branch', async () => {
    expect(await buttons('branches')).to.have.length(catalog.branches.length);
  });

  describe('mastersForBooking', () => {
    it('offers the masters of the branch who do the services, and any master', async () => {
      expect(await buttons('mastersForBooking', { service: ['manicure_gel'], branch: 'tverskaya' })).to.deep.equal([
        { title: 'Ольга Смирнова', payload: '/slot master=olga' },
        { title: 'Марина Ковалёва', payload: '/slot master=marina' },
        { title: 'Любой мастер', payload: '/slot master=any' },
      ]);
    });

    it('never offers the master a redo after a complaint is not offered with', async () => {
      expect((await buttons('mastersForBooking', { service: ['manicure_gel'], branch: 'tverskaya', avoid_master: 'olga' })).map((b) => b.payload)).to.deep.equal([
        '/slot master=marina',
        '/slot master=any',
      ]);
    });
  });

  describe('mastersOfBranch', () => {
    it('offers the masters of the branch a complaint is about, and «Не помню»', async () => {
      expect((await buttons('mastersOfBranch', { branch: 'patriki' })).map((b) => b.payload)).to.deep.equal([
        '/slot master=svetlana', '/slot master=kristina', '/slot master=elena', '/slot master=any',
      ]);
      expect((await buttons('mastersOfBranch', { branch: 'patriki' })).at(-1)?.title).to.equal('Не помню');
    });
  });

  describe('offeredSlots', () => {
    const offers = [
      offer({ start: msk('2026-11-27 18:00'), master: 'olga' }),
      offer({ start: msk('2026-11-27 18:00'), master: 'svetlana', branch: 'patriki' }),
      offer({ start: msk('2026-11-27 18:30'), master: 'marina' }),
    ];

    it('offers each slot with its start as the payload (and the master when two share it), naming the master for "any"', async () => {
      const shown = await buttons('offeredSlots', { master: 'any', offers });
      expect(shown).to.deep.equal([
        { title: 'пт 27.11 18:00 Ольга', payload: `/slot slot=${msk('2026-11-27 18:00')}@olga` },
        { title: 'пт 27.11 18:00 Светлана', payload: `/slot slot=${msk('2026-11-27 18:00')}@svetlana` },
        { title: 'пт 27.11 18:30 Марина', payload: `/slot slot=${msk('2026-11-27 18:30')}` },
      ]);
    });

    it('shortens the titles only for WhatsApp, and then every title of the list the same way', async () => {
      const shown = await buttons('offeredSlots', { master: 'any', offers }, 'whatsapp');
      // «пт 27.11 18:00 Ольга» would fit 20 characters, but not beside «пт 27.11 18:00 Светлана».
      expect(shown.map((b) => b.title)).to.deep.equal(['27.11 18:00 Ольга', '27.11 18:00 Светлана', '27.11 18:30 Марина']);
      expect(shown.every((b) => b.title.length <= MAX_TITLE_LENGTH)).to.equal(true);
      expect((await buttons('offeredSlots', { master: 'any', offers: [offers[0]] }, 'whatsapp')).map((b) => b.title)).to.deep.equal(['пт 27.11 18:00 Ольга']);
    });

    it('leaves the master out when the guest named one', async () => {
      const shown = await buttons('offeredSlots', { master: 'olga', offers: [offers[0]] });
      expect(shown).to.deep.equal([{ title: 'пт 27.11 18:00', payload: `/slot slot=${msk('2026-11-27 18:00')}` }]);
    });
  });

  it('yesNo answers with affirm and deny, which fill the awaited yes/no slot', async () => {
    expect(await buttons('yesNo')).to.deep.equal([
      { title: 'Да', payload: '/intent affirm' },
      { title: 'Нет', payload: '/intent deny' },
    ]);
  });

  it('upcomingBookings offers each booking by its time and what it is', async () => {
    const upcoming = [
      booking({ id: 'B7', start: msk('2026-11-26 11:00'), services: ['manicure_gel'] }),
      booking({ id: 'B9', start: msk('2026-11-30 17:00'), services: ['lash_lamination'] }),
    ];
    expect(await buttons('upcomingBookings', { upcoming })).to.deep.equal([
      { title: 'чт 26.11 11:00 маникюр', payload: '/slot booking=B7' },
      { title: 'пн 30.11 17:00 ресницы', payload: '/slot booking=B9' },
    ]);
  });

  it('outcomes offers the four outcomes of a complaint', async () => {
    expect((await buttons('outcomes')).map((b) => b.payload)).to.deep.equal([
      '/slot outcome=free_fix', '/slot outcome=redo_other_master', '/slot outcome=refund', '/slot outcome=feedback',
    ]);
  });

  it('skipPhoto and handoverButton carry their payloads', async () => {
    expect(await buttons('skipPhoto')).to.deep.equal([{ title: 'Без фото', payload: '/slot photo=none' }]);
    expect(await buttons('handoverButton')).to.deep.equal([{ title: 'Администратор', payload: '/handover' }]);
  });

  it('keeps every title within the WhatsApp limit in WhatsApp', async () => {
    const slots = { service: ['manicure_gel'], branch: 'tverskaya', upcoming: [booking({ id: 'B7', start: msk('2026-11-26 11:00') })] };
    for (const name of ['branchesForServices', 'branches', 'mastersForBooking', 'mastersOfBranch', 'yesNo', 'upcomingBookings', 'outcomes', 'skipPhoto', 'handoverButton']) {
      for (const button of await buttons(name, slots, 'whatsapp')) expect(button.title.length, `${name}: ${button.title}`).to.be.at.most(MAX_TITLE_LENGTH);
    }
  });
});
