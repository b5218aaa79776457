import { Command } from 'commander';
import { CocoError } from '../../common/errors';
import { nluCommand } from './nlu-commands';

/** The `coco` command line. */
export function cocoProgram(): Command {
  const program = new Command('coco').description('Madam COCO Assistant').showHelpAfterError();
  program.addCommand(nluCommand());
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
