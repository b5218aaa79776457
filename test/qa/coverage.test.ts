import { expect } from 'chai';
import { CoverageRecorder, flowSetOf, formatCoverage, ratio, runCase, selectCases } from '../../qa';
import { shippedEnvironment, transcriptFromString } from './helpers';

describe('CoverageRecorder', () => {
  it('reports the steps and transitions a run reached, and names the others by step id and file:line', async () => {
    const env = await shippedEnvironment();
    const coverage = new CoverageRecorder();
    const file = transcriptFromString('cases:\n  - name: n\n    steps:\n      - user: позовите администратора\n');
    await runCase(file.cases[0], { ...env, inspect: coverage.inspector });
    const report = coverage.report(flowSetOf(env));

    const handover = report.flows.find((f) => f.flow === 'handover')!;
    expect(handover.steps.map((s) => [s.step, s.reached])).to.deep.equal([['action_handOver', true], ['say_handover_started', true]]);
    expect(handover.transitions.map((t) => [t.from, t.to, t.label, t.taken])).to.deep.equal([
      ['action_handOver', 'say_handover_started', 'done', true],
      ['action_handOver', '(error)', 'error', false],
      ['say_handover_started', '(end)', '', true],
    ]);
    const booking = report.flows.find((f) => f.flow === 'booking')!;
    expect(booking.steps.every((s) => !s.reached)).to.equal(true);
    expect(booking.transitions.find((t) => t.from === 'find_slots' && t.to === 'crm_down')).to.include({ label: 'error', line: booking.steps.find((s) => s.step === 'find_slots')!.line });
    expect(report.steps.total).to.equal([...report.flows].reduce((n, f) => n + f.steps.length, 0));
    expect(report.steps.covered).to.equal(2);

    const text = formatCoverage(report, { transitions: true });
    expect(text).to.match(/^Flow coverage: steps 2\/\d+ \(\d+(\.\d)? %\), transitions 2\/\d+/);
    expect(text).to.match(/handover +steps 2\/2 {2}transitions 2\/3/);
    expect(text).to.match(/never reached: collect_service {2}\(flows\/booking\.yaml:\d+\)/);
    expect(text).to.match(/never taken: find_slots → crm_down \[error\] {2}\(flows\/booking\.yaml:\d+\)/);
  });

  it('counts the steps of called and linked flows and of corrections', async () => {
    const env = await shippedEnvironment();
    const coverage = new CoverageRecorder();
    const file = transcriptFromString(`
cases:
  - name: n
    guest: { phone: "+79990000001" }
    steps:
      - user: запишите как в прошлый раз
      - user: а лучше на Патриарших
`);
    await runCase(file.cases[0], { ...env, inspect: coverage.inspector });
    const report = coverage.report(flowSetOf(env));
    const reached = (flow: string) => report.flows.find((f) => f.flow === flow)!.steps.filter((s) => s.reached).map((s) => s.step);
    expect(reached('repeat_last')).to.include.members(['call_identify', 'action_loadLastVisit', 'link_booking']);
    expect(reached('identify')).to.include('action_identifyByChannel');
    expect(reached('booking')).to.include('collect_when');
  });

  it('gives 100 % for nothing to cover and rounds down', () => {
    expect(ratio([])).to.deep.equal({ covered: 0, total: 0, percent: 100 });
    expect(ratio([true, true, false])).to.deep.equal({ covered: 2, total: 3, percent: 66.6 });
  });
});

describe('selectCases', () => {
  const file = transcriptFromString(`
cases:
  - { name: books a manicure, tags: [booking], steps: [{ user: a }] }
  - { name: cancels, tags: [cancel], steps: [{ user: b }] }
  - { name: books wrongly, tags: [booking, known-bug], steps: [{ user: c }] }
`);

  it('selects by name and by tag, and skips known bugs unless their tag is asked for', () => {
    const pick = (selection: Parameters<typeof selectCases>[1]) => selectCases([file], selection).map((c) => `${c.spec.name}${c.skip ? ' (skipped)' : ''}`);
    expect(pick({})).to.deep.equal(['books a manicure', 'cancels', 'books wrongly (skipped)']);
    expect(pick({ grep: 'BOOKS' })).to.deep.equal(['books a manicure', 'books wrongly (skipped)']);
    expect(pick({ tags: ['cancel'] })).to.deep.equal(['cancels']);
    expect(pick({ tags: ['known-bug'] })).to.deep.equal(['books wrongly']);
  });
});
