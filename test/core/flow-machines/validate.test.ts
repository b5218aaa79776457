import { expect } from 'chai';
import { buildFlowSet, FlowError, FlowValidationError, parseFlow, parseSlots } from '../../../core/flow-machines';
import { flowsFromString, noopRegistry, TEST_RESPONSES } from './helpers';

/** The problems a set of inline flow files has, as messages. */
function problemsOf(sources: Record<string, string>, intents?: string[]): string[] {
  try {
    flowsFromString(sources, undefined, intents);
    return [];
  } catch (error) {
    if (error instanceof FlowValidationError) return error.problems.map((p) => p.message);
    if (error instanceof FlowError) return [error.message];
    throw error;
  }
}

const message = (sources: Record<string, string>, intents?: string[]) => {
  const problems = problemsOf(sources, intents);
  expect(problems, 'expected exactly one problem').to.have.length(1);
  return problems[0];
};

describe('flow validation', () => {
  it('accepts a sound flow', () => {
    expect(problemsOf({ 'flows/a.yaml': 'flow: a\nstart_on: [booking]\nsteps:\n  - collect: service\n    ask: ask_service\n  - say: done\n' }, ['booking'])).to.deep.equal([]);
  });

  describe('stage 1: schema', () => {
    it('names the line of malformed YAML', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\nsteps:\n  - say: done\n  - say: x: y\n' })).to.match(/^flows\/a\.yaml:4: invalid YAML: Nested mappings/);
    });

    it('names the step whose kind is missing', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\nsteps:\n  - say: done\n  - ask: ask_service\n' })).to.match(
        /^flows\/a\.yaml:4: flow "a": step #2 must have exactly one of collect, action, say, if, call, link, end, it has none of them/,
      );
    });

    it('names an unknown field of a step and lists the allowed ones', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\nsteps:\n  - collect: service\n    ask: ask_service\n    retries: 3\n' })).to.match(
        /^flows\/a\.yaml:5: flow "a", step "collect_service": .*unknown field "retries"[\s\S]*max_attempts/,
      );
    });

    it('explains a collect step without its question', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\nsteps:\n  - collect: service\n' })).to.match(/^flows\/a\.yaml:3: flow "a", step "collect_service": .*has no "ask"/);
    });

    it('explains a file without steps', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\n' })).to.match(/^flows\/a\.yaml:1: .*has no "steps"/);
    });
  });

  describe('stage 2: semantics', () => {
    const one = (steps: string) => ({ 'flows/booking.yaml': `flow: booking\nsteps:\n${steps}` });

    it('names an unknown action with file, line, flow and step', () => {
      expect(message(one('  - say: done\n  - id: find\n    action: findSlot\n'))).to.match(
        /^flows\/booking\.yaml:4: flow "booking", step "find": unknown action "findSlot"\n  → register it in the flow registry, or use one of: findSlots, book/,
      );
    });

    it('names an unknown guard', () => {
      expect(message(one('  - if: isVip\n    then: a\n  - id: a\n    say: done\n'))).to.match(/:3: flow "booking", step "if_isVip": unknown guard "isVip"/);
    });

    it('names an unknown slot picker with the line of the slot in slots.yaml', () => {
      const slots = parseSlots('slots:\n  booking:\n    type: text\n    picked_by: namedVisit\n', 'flows/slots.yaml');
      const build = () => buildFlowSet([parseFlow('flow: a\nsteps:\n  - say: done\n', 'flows/a.yaml')], { registry: noopRegistry(), slots, responses: TEST_RESPONSES });
      expect(build).to.throw(FlowValidationError);
      try {
        build();
      } catch (error) {
        const [problem, ...others] = (error as FlowValidationError).problems.map((p) => p.message);
        expect(others).to.deep.equal([]);
        expect(problem).to.match(/^flows\/slots\.yaml:4: slot "booking": unknown slot picker "namedVisit"\n  → register it in the flow registry/);
      }
    });

    it('names an unknown guard and response of invalid_when', () => {
      const problems = problemsOf(one('  - collect: service\n    ask: ask_service\n    invalid_when: { isVip: vip_only, knownService: no_such_text }\n'));
      expect(problems).to.have.length(3);
      expect(problems[0]).to.match(/:3: flow "booking", step "collect_service": unknown guard "isVip"/);
      expect(problems[1]).to.match(/step "collect_service": invalid_when\.isVip "vip_only" is not a response/);
      expect(problems[2]).to.match(/:3: flow "booking", step "collect_service": invalid_when\.knownService "no_such_text" is not a response/);
    });

    it('names an unknown slot in takes with its line', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\ntakes: [branch, salon]\nsteps:\n  - say: done\n' })).to.match(/^flows\/a\.yaml:2: flow "a": takes an unknown slot "salon"\n  → declare it in flows\/slots\.yaml/);
    });

    it('names an unknown resume_if guard with its line', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\nresume_if: isStillWanted\nsteps:\n  - say: done\n' })).to.match(
        /^flows\/a\.yaml:2: flow "a": resume_if names an unknown guard "isStillWanted"\n  → register it/,
      );
    });

    it('names an unknown response', () => {
      expect(message(one('  - say: booking_done\n'))).to.match(/:3: .*say "booking_done" is not a response in content\/responses\.yaml\n  → add "booking_done:"/);
    });

    it('names an unknown slot', () => {
      expect(message(one('  - collect: colour\n    ask: ask_service\n'))).to.match(/:3: .*step "collect_colour": unknown slot "colour"\n  → declare it in flows\/slots\.yaml/);
    });

    it('refuses a step that asks the guest for a computed slot', () => {
      expect(message(one('  - collect: client\n    ask: ask_service\n'))).to.match(/:3: .*step "collect_client": collects the computed slot "client", which only actions set\n  → collect another slot, or remove "computed: true"/);
    });

    it('refuses a computed slot that a message could fill', () => {
      expect(() => parseSlots('slots:\n  client:\n    type: text\n    computed: true\n    entity: client\n', 'flows/slots.yaml')).to.throw(
        /flows\/slots\.yaml:5: .*slot "client" is computed \(set only by actions\) but also says how the guest fills it \(entity\)/,
      );
    });

    it('names a dangling next', () => {
      expect(message(one('  - say: done\n    next: finish\n'))).to.match(/:3: .*step "say_done": next points to "finish", which is not a step of this flow/);
    });

    it('names a duplicate step id', () => {
      expect(problemsOf(one('  - say: done\n  - say: done\n'))[0]).to.match(/:4: .*step "say_done": the step id "say_done" is used twice/);
    });

    it('names an unreachable step', () => {
      expect(message(one('  - say: done\n  - end\n  - id: orphan\n    say: confirm\n'))).to.match(/:5: flow "booking", step "orphan": this step can never be reached/);
    });

    it('names a call cycle', () => {
      const problems = problemsOf({ 'flows/a.yaml': 'flow: a\nsteps:\n  - call: b\n', 'flows/b.yaml': 'flow: b\nsteps:\n  - say: done\n  - call: a\n' });
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(/^flows\/b\.yaml:4: flow "b", step "call_a": calling "a" makes a cycle: a → b → a\n  → a called flow must not call back: use "link"/);
    });

    it('names a call to an unknown flow', () => {
      expect(message(one('  - call: upsell\n'))).to.match(/:3: .*call to unknown flow "upsell"/);
    });

    it('names an intent the NLU does not know, and one claimed by two flows', () => {
      expect(message({ 'flows/a.yaml': 'flow: a\nstart_on: [bookin]\nsteps:\n  - end\n' }, ['booking'])).to.match(/^flows\/a\.yaml:1: flow "a": start_on names the intent "bookin"/);
      expect(message({ 'flows/a.yaml': 'flow: a\nstart_on: [booking]\nsteps:\n  - end\n', 'flows/b.yaml': 'flow: b\nstart_on: [booking]\nsteps:\n  - end\n' })).to.match(
        /^flows\/b\.yaml:1: flow "b": the intent "booking" already starts the flow "a"/,
      );
    });

    it('reports every problem at once', () => {
      expect(problemsOf(one('  - say: nope\n  - action: nothing\n'))).to.have.length(2);
    });
  });
});
