import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchDir } from '../support/run-cli';

const ROOT = join(__dirname, '..', '..');
const NOW = '2026-11-24T12:00:00+03:00';

describe('coco chat, bookings, validate, graph', function () {
  this.timeout(60_000);
  const scratch = scratchDir();
  const env = { COCO_CACHE_DIR: join(scratch, 'cache'), COCO_DB: join(scratch, 'coco.db') };

  it('chat --json books an appointment from a script and bookings --json lists it', async () => {
    const script = ['запишите на маникюр с покрытием в пятницу после 6', 'на тверской', 'любой', '/btn 1'].join('\n');
    const first = await runCli(['chat', '--json', '--user', 'script', '--now', NOW], env, `${script}\n`);
    expect(first.code, first.stderr).to.equal(0);
    const turns = first.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(turns).to.have.length(4);
    for (const turn of turns) expect(turn).to.have.keys('replies', 'intent', 'flow', 'awaiting', 'slots', 'handedOver');
    expect(turns[0]).to.include({ intent: 'booking', flow: 'booking', awaiting: 'branch' });
    expect(turns[2].awaiting).to.equal('slot');
    const offered = turns[2].replies.flatMap((r: { buttons: Array<{ payload: string }> }) => r.buttons);
    expect(offered.length).to.be.within(1, 5);

    // The conversation continues in a second process: the state lives in the SQLite file.
    const rest = [`/btn ${offered[0].payload}`, 'Ирина', '+7 999 765-43-21', 'да', 'нет'].join('\n');
    const second = await runCli(['chat', '--json', '--user', 'script', '--now', NOW], env, `${rest}\n`);
    const after = second.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(after[0].awaiting).to.equal('guest_name');
    expect(after[2].replies[0].text).to.contain('На имя Ирина');
    expect(after[3].replies[0].response).to.equal(undefined); // the JSON line carries text and buttons only
    expect(after[3].replies[0].text).to.contain('27 ноября');

    const listed = await runCli(['bookings', '--json'], env);
    const bookings = JSON.parse(listed.stdout);
    const irina = bookings.find((b: { phone: string }) => b.phone === '+79997654321');
    expect(irina).to.include({ status: 'booked', branch: 'tverskaya', guestName: 'Ирина' });
    expect(irina.services).to.deep.equal(['manicure_gel']);
    expect(irina.start).to.match(/^2026-11-27T1[89]:[03]0:00\+03:00$/);
    expect(irina).to.have.keys('id', 'status', 'branch', 'master', 'services', 'start', 'end', 'guestName', 'phone');
  });

  it('validate passes on the shipped content and flows', async () => {
    const { code, stdout } = await runCli(['validate'], env);
    expect(code).to.equal(0);
    expect(stdout).to.contain('All content and flows are valid.');
  });

  it('validate names the file, line, flow and step of a broken flow, and exits 1', async () => {
    const flows = join(scratch, 'flows');
    cpSync(join(ROOT, 'flows'), flows, { recursive: true });
    const file = join(flows, 'booking.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('action: findFreeSlots', 'action: findSlot'));
    const { code, stderr } = await runCli(['validate'], { ...env, COCO_FLOWS_DIR: flows });
    expect(code).to.equal(1);
    expect(stderr).to.match(new RegExp(`${file.replace(/[/.]/g, '\\$&')}:\\d+: flow "booking", step "find_slots": unknown action "findSlot"`));
    expect(stderr).to.contain('use one of: ');
  });

  it('validate names the file and line of a broken catalog', async () => {
    const content = join(scratch, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const file = join(content, 'catalog.yaml');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('minutes: 90', 'minutes: девяносто'));
    const line = source.split('\n').findIndex((l) => l.includes('minutes: 90')) + 1;
    const { code, stderr } = await runCli(['validate'], { ...env, COCO_CONTENT_DIR: content });
    expect(code).to.equal(1);
    expect(stderr).to.contain(`${file}:${line}:`);
  });

  it('graph prints a Mermaid diagram of a flow', async () => {
    const { code, stdout } = await runCli(['graph', 'cancel'], env);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^flowchart TD/);
    expect(stdout).to.contain('cancelBooking');
  });
});
