/**
 * Runs one transcript case in isolation: every step's input goes through the dialogue engine, and the
 * turn and the CRM are checked against the step's expectations.
 */
import type { DemoCrm } from '../crm';
import type { TurnResult } from '../core';
import type { InboundMessage, Button } from '../common';
import { chosenOffer } from '../actions';
import { openCaseAssistant, type TranscriptEnvironment } from './case-assistant';
import { checkCrm } from './check-crm';
import { checkTurn, type Failure } from './check-turn';
import { plainSpaces } from './match';
import type { CaseSpec, StepSpec } from './types';

/** A step as it ran. */
export interface StepRun {
  spec: StepSpec;
  /** What was sent to the engine (a pressed button as its payload). */
  sent?: { text?: string; payload?: string; attachments?: InboundMessage['attachments'] };
  /** The assistant's turn, when the step sent something. */
  turn?: TurnResult;
  failures: Failure[];
  /** The step could not run (a button that is not there, no time to take); the case stops here. */
  error?: string;
}

export type CaseStatus = 'passed' | 'failed' | 'skipped';

/** A case as it ran. */
export interface CaseRun {
  spec: CaseSpec;
  status: CaseStatus;
  steps: StepRun[];
  /** The case could not start (a fixture) or a step could not run. */
  error?: string;
  durationMs: number;
}

/** A guest who books a time meanwhile (`meanwhile: take_chosen_slot`). */
const OTHER_GUEST = { guestName: 'Другая гостья', phone: '+79990009999' };

/**
 * Runs a case on a fresh assistant and checks every step. Steps keep running after a failed
 * expectation (so `--update` sees every turn); a step that cannot run stops the case.
 */
export async function runCase(spec: CaseSpec, env: TranscriptEnvironment, timer: () => number = () => performance.now()): Promise<CaseRun> {
  const started = timer();
  const steps: StepRun[] = [];
  const finish = (error?: string): CaseRun => ({
    spec,
    status: error || steps.some((s) => s.failures.length > 0 || s.error) ? 'failed' : 'passed',
    steps,
    ...(error && { error }),
    durationMs: Math.round(timer() - started),
  });
  let world;
  try {
    world = await openCaseAssistant(spec, env);
  } catch (error) {
    return finish((error as Error).message);
  }
  try {
    let last: TurnResult | undefined;
    for (const step of spec.steps) {
      const run = await runStep(step, spec, world.assistant.engine.handle.bind(world.assistant.engine), world.crm, last);
      steps.push(run);
      if (run.turn) last = run.turn;
      if (run.error) return finish();
      if (spec.fixtures.takeSlotAfterStep === step.number) {
        const error = await takeChosenSlot(world.crm, last);
        if (error) {
          run.error = `after this step (take_slot_after_step): ${error}`;
          return finish();
        }
      }
    }
    return finish();
  } catch (error) {
    return finish(`the engine failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    world.close();
  }
}

async function runStep(
  step: StepSpec,
  spec: CaseSpec,
  handle: (message: InboundMessage) => Promise<TurnResult>,
  crm: DemoCrm,
  last: TurnResult | undefined,
): Promise<StepRun> {
  const run: StepRun = { spec: step, failures: [] };
  const { input } = step;
  const key = { channel: spec.guest.channel, userId: spec.guest.user, ...(spec.guest.name && { userName: spec.guest.name }) };
  if (input.kind === 'user') {
    run.sent = { ...(input.text !== '' || input.attachments.length === 0 ? { text: input.text } : {}), ...(input.attachments.length && { attachments: input.attachments }) };
  } else if (input.kind === 'button') {
    const pressed = pressedButton(input.button, last);
    if (typeof pressed === 'string') return { ...run, error: pressed };
    run.sent = { payload: pressed.payload };
  } else if (input.kind === 'meanwhile') {
    const error = await takeChosenSlot(crm, last);
    if (error) return { ...run, error };
  }
  if (run.sent) {
    run.turn = await handle({ ...key, ...run.sent });
    run.failures.push(...checkTurn(run.turn, step.expect));
  }
  run.failures.push(...(await checkCrm(crm, step.crm, spec.now)));
  return run;
}

/**
 * The button a step presses: a payload as is; a number counts the previous turn's buttons from 1; a
 * title is one of the previous turn's buttons (case and «» quotes aside). A string is the reason none fits.
 */
export function pressedButton(button: string | number, last: TurnResult | undefined): Button | string {
  if (typeof button === 'string' && button.startsWith('/')) return { title: button, payload: button };
  const offered = last?.replies.flatMap((r) => r.buttons) ?? [];
  const list = offered.length ? offered.map((b) => `«${b.title.replace(/[«»]/g, '')}»`).join(', ') : 'none';
  if (typeof button === 'number') return offered[button - 1] ?? `there is no button ${button}: the previous turn offered ${list}`;
  const wanted = bare(button);
  const exact = offered.filter((b) => bare(b.title) === wanted);
  if (exact.length === 1) return exact[0];
  const partial = offered.filter((b) => bare(b.title).includes(wanted));
  if (exact.length === 0 && partial.length === 1) return partial[0];
  return `${exact.length + partial.length > 1 ? 'several buttons fit' : 'no button fits'} «${button.replace(/[«»]/g, '')}»: the previous turn offered ${list}`;
}

/** A title without case, «» quotes and ё, for matching. */
function bare(title: string): string {
  return plainSpaces(title).replace(/[«»"]/g, '').replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Another guest books the time the guest chose (else the first one offered); a string says why not. */
async function takeChosenSlot(crm: DemoCrm, last: TurnResult | undefined): Promise<string | undefined> {
  const slots = last?.slots ?? {};
  const offers = Array.isArray(slots.offers) ? (slots.offers as Array<{ start: string; master: string; branch: string; services: string[] }>) : [];
  const offer = chosenOffer(slots) ?? offers[0];
  if (!offer) return 'no time to take: the assistant has not offered any yet';
  try {
    await crm.createBooking({ services: offer.services, branch: offer.branch, master: offer.master, start: offer.start, ...OTHER_GUEST });
    return undefined;
  } catch (error) {
    return `the time ${offer.start} cannot be taken: ${(error as Error).message.split('\n')[0]}`;
  }
}
