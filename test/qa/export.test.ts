import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssistant, type Assistant } from '../../app/assistant';
import { exportTranscript, formatFailure, Masker, parseTranscript, runCase } from '../../qa';
import { shippedEnvironment } from './helpers';
import { removeTempDir } from '../support/temp';

const NOW = new Date('2026-11-24T12:00:00+03:00');

describe('exportTranscript', () => {
  let dir: string;
  let assistant: Assistant;
  let masters: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coco-export-'));
    const env = await shippedEnvironment();
    // A real conversation on a database file, as `coco chat` or a connector would log it.
    assistant = createAssistant({ ...env, database: join(dir, 'coco.db'), clock: () => NOW });
    masters = assistant.catalog.masters.map((m) => m.name);
  });
  afterEach(() => {
    assistant.close();
    removeTempDir(dir);
  });

  /** The guest's messages and button presses, sent to the assistant. */
  async function talk(userId: string, inputs: Array<string | { payload: string } | { photo: string }>, userName?: string): Promise<void> {
    for (const input of inputs) {
      const message = typeof input === 'string' ? { text: input } : 'payload' in input ? { payload: input.payload } : { attachments: [{ type: 'image', fileId: input.photo }] };
      await assistant.engine.handle({ channel: 'telegram', userId, ...(userName && { userName }), ...message });
    }
  }

  /** Exports, then runs the exported case on a fresh assistant. */
  async function roundTrip(id: string): Promise<{ yaml: string; status: string; failure: string }> {
    const yaml = exportTranscript(assistant.store, id, { keepNames: masters });
    const file = parseTranscript(yaml, 'test/transcripts/recorded.yaml');
    const run = await runCase(file.cases[0], await shippedEnvironment());
    return { yaml, status: run.status, failure: formatFailure(run) };
  }

  it('turns a booking into a case that replays and passes, with the phone and the name masked', async () => {
    await talk('98765', ['запишите на маникюр в пятницу после 6', { payload: '/slot branch=tverskaya' }, 'любой', '1', 'Ирина Смолина', '8 999 123-45-67', 'да', 'нет']);
    const { yaml, status, failure } = await roundTrip('telegram:98765');
    expect(status, `${failure}\n${yaml}`).to.equal('passed');

    expect(yaml).to.match(/^# Recorded with `coco transcript export` \(8 turns\); phones and names are masked\./);
    expect(yaml).not.to.match(/Ирин|Смолин|123-45|1234567|98765/);
    expect(yaml).to.contain('guest: { channel: telegram, user: recorded }');
    expect(yaml).to.contain('now: 2026-11-24T12:00:00+03:00');
    expect(yaml).to.contain('      - user: запишите на маникюр в пятницу после 6\n        intent: booking\n        bot: В какой салон вам удобнее? 🌸\n        flow_started: booking\n        awaiting: branch\n');
    expect(yaml).to.contain('      - button: «Тверская»\n');
    expect(yaml).to.contain('      - user: Алиса Иванова\n');
    expect(yaml).to.contain('      - user: +7 900 000-00-67\n');
    expect(yaml).to.contain('      - user: "1"\n        intent: inform\n');
    expect(yaml).to.contain('На имя Алиса Иванова, телефон +7 900 ***-**-67');
    expect(yaml).to.contain('Мастер Ольга Смирнова'); // the masters' names stay
    expect(yaml).to.contain('booking_exists: { services: [ manicure_gel ], branch: tverskaya, master: olga, start: 2026-11-27T18:00:00+03:00, guestName: Алиса Иванова, phone: "+79000000067" }');
  });

  it('rebuilds the client and bookings a change saw, so a cancellation replays on a fresh CRM', async () => {
    const anna = await assistant.crm.findClientByPhone('+79990000001');
    await assistant.crm.linkClientUser(anna!.id, 'telegram', 'anna');
    await talk('anna', ['хочу отменить запись', 'да']);
    const { yaml, status, failure } = await roundTrip('telegram:anna');
    expect(status, `${failure}\n${yaml}`).to.equal('passed');
    expect(yaml).not.to.match(/Анна|Петров|9990000001/);
    expect(yaml).to.contain('clients:\n        - { name: Алиса Иванова, phone: "+79000000001" }');
    expect(yaml).to.contain('bookings:\n        - { services: [ pedicure_gel ], master: marina, branch: tverskaya, start: 2026-11-27T15:00:00+03:00, phone: "+79000000001", guestName: Алиса Иванова }');
    expect(yaml).to.contain('booking_cancelled: { services: [ pedicure_gel ], start: 2026-11-27T15:00:00+03:00, phone: "+79000000001" }');
  });

  it('links a client the chat already knew and keeps a complaint the history prefilled', async () => {
    const irina = await assistant.crm.findClientByPhone('+79990000004');
    await assistant.crm.linkClientUser(irina!.id, 'telegram', 'irina');
    await talk('irina', ['у меня отошло покрытие', 'скололось на двух ногтях', { photo: 'photo-3' }, 'исправьте', 'нет'], 'Ира');
    const { yaml, status, failure } = await roundTrip('telegram:irina');
    expect(status, `${failure}\n${yaml}`).to.equal('passed');
    expect(yaml).not.to.match(/Ира\b|Ирин|Морозов|9990000004/);
    expect(yaml).to.contain('guest: { channel: telegram, user: recorded, name: Алиса, phone: "+79000000004" }');
    expect(yaml).to.contain('clients:\n        - { name: Гостья, phone: "+79000000004" }');
    expect(yaml).to.match(/visits:\n {8}- \{ services: \[ manicure_gel \], master: \w+, branch: tverskaya, start: 2026-11-21T12:00:00\+03:00/);
    expect(yaml).to.contain('      - photo: photo-3\n');
  });

  it('says when the store has no such conversation', () => {
    expect(() => exportTranscript(assistant.store, 'telegram:nobody')).to.throw(/telegram:nobody/);
  });
});

describe('Masker', () => {
  it('masks phones in any format, keeping the last two digits, and the assistant\'s masked phones', () => {
    const mask = new Masker();
    expect(mask.text('тел 8 (999) 123-45-67, или +79161234500')).to.equal('тел +7 900 000-00-67, или +7 900 000-00-00');
    expect(mask.text('пишите на ivan.petrov@mail.ru')).to.equal('пишите на i***@mail.ru');
    expect(mask.text('телефон +7 999 ***-**-67')).to.equal('телефон +7 900 ***-**-67');
    expect(mask.phone('+79991234567')).to.equal('+79000000067');
    expect(mask.text('в 18:00, 27.11, 3 770 ₽')).to.equal('в 18:00, 27.11, 3 770 ₽');
  });

  it('gives every word of a name a pseudonym in all its forms, and keeps the masters\' names', () => {
    const mask = new Masker({ names: ['Тамара Ивановна', 'Ольга'], keep: ['Ольга Смирнова'] });
    expect(mask.text('запишите маму, Тамару Ивановну; Тамара будет рада')).to.equal('запишите маму, Алиса Иванова; Алиса будет рада');
    expect(mask.text('Ольга, мастер Ольга Смирнова')).to.equal('Вера, мастер Ольга Смирнова');
    expect(mask.name('Ирина')).to.equal('Зоя');
    expect(mask.text('у ирины')).to.equal('у Зоя');
  });
});
