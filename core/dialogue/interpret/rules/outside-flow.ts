import type { FlowSet } from '../../../flow-machines';
import type { Command } from '../../commands';
import { saysOnlyEntities } from '../../entity-only';
import { asksForInformation, asksQuestion } from '../question';
import { ANSWERS, BOOKING_INTENT, type Reading } from '../reading';
import { DIGRESSIONS } from './digression';

/** Intents the clarification may offer as buttons (a person is always its last button). */
const offerable = (intent: string, flows: FlowSet) => intent !== 'handover' && (flows.byIntent.has(intent) || intent === 'faq');

/**
 * «мне надо сделать ламинирование ресничек 3 декабря до обеда», «маникюр в субботу можно?»: a service and
 * a day ahead, not asked about, are a wish to book — whatever the classifier makes of the wording.
 */
function asksForAVisit({ u }: Reading): boolean {
  if (u.payload !== undefined || asksForInformation(u.text)) return false;
  const service = u.entities.some((e) => e.entity === 'service' && (e.confidence ?? 1) >= 0.7);
  const when = u.entities.some((e) => e.entity === 'when' && Array.isArray((e.value as { windows?: unknown[] }).windows) && (e.value as { windows: unknown[] }).windows.length > 0);
  return service && when;
}

/**
 * No flow is running: a request starts its flow; «а к олечке можно?», «маникюр с дизайном?» — a message
 * that names only a service or a master (whatever the classifier calls it) — asks to book them; a
 * question is answered; what we cannot tell is clarified once, then answered from the FAQ or handed on.
 */
export function outsideFlowRule(r: Reading): Command[] {
  const { u, flows, confident } = r;
  const namesWhatToBook = u.payload === undefined && ANSWERS.has(u.intent) && saysOnlyEntities(u.text, u.entities)
    && u.entities.some((e) => (e.entity === 'service' || e.entity === 'master') && (e.confidence ?? 1) >= 0.7);
  const flow = r.intentFlow ?? (namesWhatToBook || asksForAVisit(r) ? flows.byIntent.get(BOOKING_INTENT) : undefined);
  if (flow) return [{ kind: 'start_flow', flow }];
  if (confident || u.payload) {
    if (u.intent === 'faq') return [{ kind: 'answer_question', inPassing: false }];
    if (u.intent === 'out_of_scope') return [{ kind: 'answer_question', inPassing: false, otherwise: 'out_of_scope' }];
    const response = DIGRESSIONS.has(u.intent) ? u.intent : 'how_can_we_help';
    // «куда ехать на патрики», «дочке 10 лет, её обслужите»: a question, or a statement that says more than
    // a greeting or a contact, is asked of the FAQ first; the small-talk reply only when it has nothing.
    if (u.payload === undefined && (asksQuestion(u.text) || tellsAbout(r))) return [{ kind: 'answer_question', inPassing: false, otherwise: response }];
    return [{ kind: 'chit_chat', response, inPassing: false }];
  }
  if (r.fallbacks === 0 && r.pending?.kind !== 'clarify') {
    return [{ kind: 'clarify', intents: u.ranking.filter((i) => offerable(i.name, flows)).slice(0, 3).map((i) => i.name) }];
  }
  return [{ kind: 'cannot_handle' }];
}


/**
 * A statement of more than a few words that is neither small talk nor a contact («мой номер …»); a
 * greeting counts when it says more than a greeting does («добрый день девочки, дочке 10 лет …»).
 */
function tellsAbout({ u }: Reading): boolean {
  const greeting = u.intent === 'greet';
  if ((DIGRESSIONS.has(u.intent) && !greeting) || u.entities.some((e) => e.entity === 'phone' || e.entity === 'guest_name')) return false;
  return u.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length > (greeting ? GREETING_WORDS : 3);
}

/** More words than a greeting has («добрый день, девочки», «здравствуйте, доброе утро»). */
const GREETING_WORDS = 5;
