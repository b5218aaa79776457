import { Command } from 'commander';
import { CocoError } from '../common';
import { bookingsCommand } from './bookings-command';
import { chatCommand } from './chat-command';
import { graphCommand } from './graph-command';
import { testCommand } from './test-command';
import { transcriptCommand } from './transcript-command';
import { nluCommand } from './nlu-commands';
import { serveCommand } from './serve-command';
import { validateCommand } from './validate-command';

/** The `coco` command line. */
export function cocoProgram(): Command {
  const program = new Command('coco').description('Madam COCO Assistant').showHelpAfterError();
  program.addCommand(nluCommand());
  program.addCommand(chatCommand());
  program.addCommand(bookingsCommand());
  program.addCommand(validateCommand());
  program.addCommand(graphCommand());
  program.addCommand(testCommand());
  program.addCommand(serveCommand());
  program.addCommand(transcriptCommand());
  return program;
}

cocoProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // Known problems (bad content, bad arguments) are explained without a stack trace.
    if (error instanceof CocoError) console.error(`coco: ${error.message}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
