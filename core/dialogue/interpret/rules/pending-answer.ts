import type { Command } from '../../commands';
import type { Reading } from '../reading';

/**
 * The answer to the assistant's own question. To «вернёмся к записи?»: yes asks the flow's question
 * again, no ends it; anything else takes the flow up again and is read as usual. To «отменить запись?»:
 * yes (or «стоп» again) ends the flow, no asks its question again; anything else is read as usual.
 * `final`: the commands are the whole answer.
 */
export function answerToPending(r: Reading): { commands: Command[]; final: boolean } | undefined {
  const { pending, u, confident } = r;
  if (!pending || pending.kind === 'clarify' || r.active !== pending.flow) return undefined;
  const button = u.payload?.kind === 'resume' || u.payload?.kind === 'stop' ? u.payload : undefined;
  if (pending.kind === 'resume') {
    if (button?.kind === 'resume' ? button.yes : u.intent === 'affirm' && confident) return final({ kind: 'resume_flow', flow: pending.flow, askAgain: true });
    if (button?.kind === 'resume' ? !button.yes : (u.intent === 'deny' || u.intent === 'stop') && confident) return final({ kind: 'cancel_flow', then: 'how_can_we_help' });
    return { commands: [{ kind: 'resume_flow', flow: pending.flow, askAgain: false }], final: false };
  }
  if (button?.kind === 'stop' ? button.yes : (u.intent === 'affirm' || u.intent === 'stop') && confident) return final({ kind: 'cancel_flow', then: 'stopped' });
  if (button?.kind === 'stop' ? !button.yes : u.intent === 'deny' && confident) return final({ kind: 'repeat_question' });
  return undefined;
}

function final(command: Command): { commands: Command[]; final: boolean } {
  return { commands: [command], final: true };
}
