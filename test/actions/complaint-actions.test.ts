import { expect } from 'chai';
import { msk, PHONES, salon, when, window } from './fixtures';

/** The day Ирина had her gel manicure, as a `when` value. */
const IRINA_VISIT_DAY = { windows: [{ from: msk('2026-11-21 00:00'), to: msk('2026-11-21 23:59') }], source: '21 ноября' };

describe('salon complaint actions', () => {
  describe('prefillFromHistory', () => {
    it('prefills what happened from the client\'s last visit (the demo guest Ирина)', async () => {
      const { run, clientOf } = salon();
      expect(await run('prefillFromHistory', { client: await clientOf(PHONES.irina) }, { flow: 'complaint' })).to.deep.equal({
        slots: { branch: 'tverskaya', master: 'marina', service: ['manicure_gel'], visit_date: IRINA_VISIT_DAY },
      });
    });

    it('keeps what the guest already said', async () => {
      const { run, clientOf } = salon();
      const result = await run('prefillFromHistory', { client: await clientOf(PHONES.irina), service: ['manicure_gel'], master: 'any' }, { flow: 'complaint' });
      expect(result.slots).to.deep.equal({ branch: 'tverskaya', visit_date: IRINA_VISIT_DAY });
    });

    it('prefills nothing when no recent visit matches what the guest said, or the guest is unknown', async () => {
      const { run, clientOf } = salon();
      expect(await run('prefillFromHistory', { client: await clientOf(PHONES.irina), service: ['lash_extension'] }, { flow: 'complaint' })).to.deep.equal({});
      expect(await run('prefillFromHistory', { client: await clientOf(PHONES.irina), visit_date: when(window('2026-11-20 10:00', '22:00')) }, { flow: 'complaint' })).to.deep.equal({});
      expect(await run('prefillFromHistory', {}, { flow: 'complaint' })).to.deep.equal({});
    });
  });

  describe('createTicket', () => {
    it('records a complaint within the guarantee (Ирина\'s gel manicure 3 days ago)', async () => {
      const { run, clientOf, variables, crm, db } = salon();
      const client = await clientOf(PHONES.irina);
      const prefilled = await run('prefillFromHistory', { client, phone: PHONES.irina }, { flow: 'complaint' });
      const slots = { client, phone: PHONES.irina, ...prefilled.slots, description: 'отошло покрытие на двух ногтях', photo: 'file-1', outcome: 'free_fix' };

      const result = await run('createTicket', slots, { flow: 'complaint' });

      expect(result.slots).to.deep.include({ within_guarantee: true, visit_date: IRINA_VISIT_DAY });
      expect(result.slots?.ticket).to.match(/^T\d+$/);
      const [visit] = await crm.visitHistory(client);
      expect(db.prepare('SELECT * FROM crm_tickets').get()).to.deep.include({
        client_id: Number(client.slice(1)), phone: PHONES.irina, branch: 'tverskaya', visit_date: '2026-11-21', master: 'marina', service: 'manicure_gel',
        description: 'отошло покрытие на двух ногтях', photo: 'file-1', outcome: 'free_fix', within_guarantee: 1, booking_id: visit.id,
      });
      const vars = variables({ ...slots, ...result.slots }, { id: 't:1', channel: 'telegram', userId: '100' }, new Date(msk('2026-11-24 12:00')));
      expect(vars).to.deep.include({ ticket_id: result.slots?.ticket, guarantee_until: '28 ноября', visit_date: '21 ноября' });
    });

    it('records a complaint outside the guarantee (Татьяна\'s haircut 20 days ago)', async () => {
      const { run, clientOf, db } = salon();
      const client = await clientOf(PHONES.tatiana);
      const prefilled = await run('prefillFromHistory', { client }, { flow: 'complaint' });
      expect(prefilled.slots).to.deep.include({ branch: 'patriki', master: 'elena', service: ['haircut_women'] });

      const result = await run('createTicket', { client, ...prefilled.slots, description: 'стрижка неровная', photo: 'none', outcome: 'refund' }, { flow: 'complaint' });

      expect(result.slots).to.deep.include({ within_guarantee: false });
      expect(db.prepare('SELECT photo, outcome, within_guarantee FROM crm_tickets').get()).to.deep.equal({ photo: null, outcome: 'refund', within_guarantee: 0 });
    });

    it('judges the guarantee by the date a new guest names', async () => {
      const { run } = salon();
      const slots = { branch: 'city', master: 'any', service: ['lash_extension'], visit_date: when(window('2026-11-23 10:00', '21:00')), description: 'выпали ресницы', photo: 'none', outcome: 'free_fix', phone: '+79161112233' };
      expect((await run('createTicket', slots, { flow: 'complaint' })).slots).to.deep.include({ within_guarantee: true });
    });
  });

  describe('prepareFixBooking', () => {
    const complaint = { service: ['manicure_gel'], branch: 'tverskaya', master: 'marina', when: when(window('2026-11-21 10:00', '22:00')), slot: 'x', offers: [], confirmed: true };

    it('keeps the service, branch and master, leaves the time to choose, and makes the fix of the ticket free', async () => {
      const { run } = salon({ seed: false });
      expect(await run('prepareFixBooking', { ...complaint, outcome: 'free_fix', ticket: 'T4' }, { flow: 'complaint' })).to.deep.equal({
        slots: { when: undefined, slot: undefined, offers: undefined, confirmed: undefined, slot_taken: undefined, created_booking: undefined, guarantee_fix: 'T4' },
      });
    });

    it('leaves the master to choose when the guest wants another one, and remembers not to offer the same', async () => {
      const { run } = salon({ seed: false });
      const { slots } = await run('prepareFixBooking', { ...complaint, outcome: 'redo_other_master' }, { flow: 'complaint' });
      expect(slots).to.have.property('master', undefined);
      expect(slots).to.have.property('avoid_master', 'marina');
      expect(slots).to.not.have.property('branch');
    });

    it('leaves the branch to choose too when nobody else there does the service', async () => {
      const { run } = salon({ seed: false });
      const redo = { ...complaint, service: ['pedicure_gel'], branch: 'patriki', master: 'svetlana', outcome: 'redo_other_master' };
      expect((await run('prepareFixBooking', redo, { flow: 'complaint' })).slots).to.deep.include({ master: undefined, avoid_master: 'svetlana', branch: undefined });
    });

    it('avoids nobody when the guest did not remember the master', async () => {
      const { run } = salon({ seed: false });
      const { slots } = await run('prepareFixBooking', { ...complaint, master: 'any', outcome: 'redo_other_master' }, { flow: 'complaint' });
      expect(slots).to.deep.include({ master: undefined, avoid_master: undefined });
      expect(slots).to.not.have.property('branch');
    });
  });
});
