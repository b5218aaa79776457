import { expect } from 'chai';
import { booking, input, msk, offer, PHONES, salon, when, window } from './fixtures';

describe('salon guards', () => {
  const { registry, clientOf, crm } = salon();
  const guard = (name: string, slots: Record<string, unknown>, params: Record<string, unknown> = {}) => registry.guards[name](input(slots, { params }));

  describe('servicesKnown', () => {
    it('accepts a list of catalog service ids', () => {
      expect(guard('servicesKnown', { service: ['manicure_gel', 'nail_design'] })).to.equal(true);
    });

    it('refuses an empty list, an unknown id and a bare string', () => {
      expect(guard('servicesKnown', { service: [] })).to.equal(false);
      expect(guard('servicesKnown', { service: ['manicure_gel', 'massage'] })).to.equal(false);
      expect(guard('servicesKnown', { service: 'manicure_gel' })).to.equal(false);
      expect(guard('servicesKnown', {})).to.equal(false);
    });

    it('checks the slot it validates', () => {
      expect(guard('servicesKnown', { service: ['massage'], extra: ['blowout'] }, { slot: 'extra' })).to.equal(true);
    });
  });

  describe('branchOffersServices', () => {
    it('accepts a branch that offers every chosen service', () => {
      expect(guard('branchOffersServices', { service: ['lash_extension'], branch: 'patriki' })).to.equal(true);
    });

    it('refuses a branch without the service, and an unknown branch', () => {
      expect(guard('branchOffersServices', { service: ['lash_extension'], branch: 'tverskaya' })).to.equal(false);
      expect(guard('branchOffersServices', { service: ['manicure_gel'], branch: 'arbat' })).to.equal(false);
    });
  });

  describe('masterFits', () => {
    it('accepts any master', () => {
      expect(guard('masterFits', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any' })).to.equal(true);
    });

    it('accepts a master of the branch who does every service', () => {
      expect(guard('masterFits', { service: ['manicure_gel', 'nail_design'], branch: 'tverskaya', master: 'olga' })).to.equal(true);
    });

    it('refuses a master of another branch, or one who does not do a service', () => {
      expect(guard('masterFits', { service: ['brow_shape'], branch: 'tverskaya', master: 'kristina' })).to.equal(false);
      expect(guard('masterFits', { service: ['manicure_gel', 'polish_removal'], branch: 'tverskaya', master: 'olga' })).to.equal(false);
      expect(guard('masterFits', { service: ['manicure_gel'], branch: 'tverskaya', master: 'nobody' })).to.equal(false);
    });
  });

  describe('whenBookable', () => {
    it('accepts a preference with a window, or "as soon as possible"', () => {
      expect(guard('whenBookable', { when: when(window('2026-11-27 18:00', '22:00')) })).to.equal(true);
      expect(guard('whenBookable', { when: { windows: [], source: 'поскорее', asap: true } })).to.equal(true);
    });

    it('refuses a preference without windows', () => {
      expect(guard('whenBookable', { when: { windows: [], source: 'когда-нибудь' } })).to.equal(false);
      expect(guard('whenBookable', {})).to.equal(false);
    });
  });

  describe('slotOffered', () => {
    const offers = [offer({ start: msk('2026-11-27 18:00'), master: 'olga' }), offer({ start: msk('2026-11-27 18:00'), master: 'marina' }), offer({ start: msk('2026-11-27 18:30') })];

    it('accepts the start of an offer, with or without its master', () => {
      expect(guard('slotOffered', { offers, slot: msk('2026-11-27 18:30') })).to.equal(true);
      expect(guard('slotOffered', { offers, slot: `${msk('2026-11-27 18:00')}@marina` })).to.equal(true);
    });

    it('refuses a time that was not offered', () => {
      expect(guard('slotOffered', { offers, slot: msk('2026-11-27 19:00') })).to.equal(false);
      expect(guard('slotOffered', { offers, slot: `${msk('2026-11-27 18:00')}@darya` })).to.equal(false);
      expect(guard('slotOffered', { slot: msk('2026-11-27 18:30') })).to.equal(false);
    });
  });

  describe('phoneValid', () => {
    it('accepts a Russian mobile number in E.164 only', () => {
      expect(guard('phoneValid', { phone: '+79161234567' })).to.equal(true);
      expect(guard('phoneValid', { phone: '89161234567' })).to.equal(false);
      expect(guard('phoneValid', { phone: '+7916123456' })).to.equal(false);
      expect(guard('phoneValid', { phone: '+491701234567' })).to.equal(false);
    });
  });

  describe('bookingUpcoming', () => {
    const upcoming = [booking({ id: 'B7', start: msk('2026-11-27 15:00') }), booking({ id: 'B9', start: msk('2026-11-30 17:00') })];

    it('accepts the id of one of the upcoming bookings', () => {
      expect(guard('bookingUpcoming', { upcoming, booking: 'B9' })).to.equal(true);
    });

    it('refuses another id', () => {
      expect(guard('bookingUpcoming', { upcoming, booking: 'B8' })).to.equal(false);
      expect(guard('bookingUpcoming', { booking: 'B9' })).to.equal(false);
    });
  });

  describe('canChangeBooking', () => {
    it('allows changing a booking that starts in more than 4 hours', async () => {
      const upcoming = await crm.upcomingBookings(await clientOf(PHONES.anna));
      expect(guard('canChangeBooking', { upcoming, booking: upcoming[0].id })).to.equal(true);
    });

    it('refuses a booking that starts in 3 hours (the demo guest Екатерина)', async () => {
      const upcoming = await crm.upcomingBookings(await clientOf(PHONES.katya));
      expect(guard('canChangeBooking', { upcoming, booking: upcoming[0].id })).to.equal(false);
    });
  });

  describe('visitDateKnown', () => {
    it('accepts a visit date with a window, and refuses one without', () => {
      expect(guard('visitDateKnown', { visit_date: when(window('2026-11-21 10:00', '22:00')) }, { slot: 'visit_date' })).to.equal(true);
      expect(guard('visitDateKnown', { visit_date: { windows: [], source: 'недавно' } }, { slot: 'visit_date' })).to.equal(false);
    });
  });
});
