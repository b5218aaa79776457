import { Command, InvalidArgumentError } from 'commander';
import { createInterface } from 'node:readline';
import type { TurnResult } from '../core';
import type { Reply } from '../common';
import { clockAt, openAssistant } from './open-assistant';

/** `coco chat`: talk to the assistant in the terminal, or drive it from a script with `--json`. */
export function chatCommand(): Command {
  return new Command('chat')
    .description('chat with the assistant in the terminal (buttons are numbered: type the number to press one)')
    .option('--json', 'one guest message per stdin line ("/btn <payload>" presses a button); one JSON line per turn')
    .option('--user <id>', 'the guest id in the "cli" channel', 'local')
    .option('--name <name>', "the guest's name as a channel would give it")
    .option('--phone <phone>', 'the phone the channel vouches for, as WhatsApp does for its sender (e.g. +79990000001 is the demo guest Анна)')
    .option('--now <iso>', 'freeze the clock at this moment, e.g. 2026-11-24T12:00:00+03:00', parseInstant)
    .action(async (options: { json?: boolean; user: string; name?: string; phone?: string; now?: Date }) => {
      const assistant = await openAssistant(clockAt(options.now));
      const lines = createInterface({ input: process.stdin, terminal: !options.json && process.stdin.isTTY });
      let lastButtons: Reply['buttons'] = [];
      const send = async (line: string): Promise<TurnResult> => {
        const trimmed = line.trim();
        const pressed = /^\/btn\s+(.+)$/.exec(trimmed)?.[1] ?? (!options.json && /^\d+$/.test(trimmed) ? lastButtons[Number(trimmed) - 1]?.payload : undefined);
        return assistant.engine.handle({ channel: 'cli', userId: options.user, userName: options.name, ...(options.phone && { verifiedPhone: options.phone }), ...(pressed ? { payload: pressed } : { text: line }) });
      };
      if (!options.json) console.log('Madam COCO: напишите сообщение (Ctrl+D — выход).');
      for await (const line of lines) {
        if (!line.trim()) continue;
        const result = await send(line);
        if (options.json) {
          const { replies, intent, flow, awaiting, slots, handedOver } = result;
          console.log(JSON.stringify({ replies: replies.map(({ text, buttons }) => ({ text, buttons })), intent, flow, awaiting, slots, handedOver }));
        } else {
          lastButtons = result.replies.flatMap((r) => r.buttons);
          printTurn(result);
        }
      }
      assistant.close();
    });
}

function printTurn(result: TurnResult): void {
  let number = 0;
  for (const reply of result.replies) {
    console.log(`\n  ${reply.text.split('\n').join('\n  ')}`);
    for (const button of reply.buttons) console.log(`    ${++number}. ${button.title}`);
  }
  if (result.handedOver && result.replies.length === 0) console.log('\n  (разговор передан администратору)');
  console.log('');
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`"${value}" is not an ISO date-time; use e.g. 2026-11-24T12:00:00+03:00`);
  return date;
}
