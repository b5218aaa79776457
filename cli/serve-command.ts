import { Command } from 'commander';
import { loggerFromEnv, keepServingOnErrors, serverConfigFromEnv, startServer } from '../app';
import { clockAt, openAssistant } from './open-assistant';

/**
 * `coco serve`: the HTTP server (port `PORT`, default 3000) with the web chat API, the widget and its
 * demo page at `/`, and the Telegram and WhatsApp channels and the staff relay when configured (see
 * `.env.example`). Stops cleanly on Ctrl+C / SIGTERM; what was not sent is sent on the next start. An
 * error outside any turn is logged and the server goes on; a turn that fails answers with an apology.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('run the HTTP server: web chat API, widget (/widget.js) and demo page on http://127.0.0.1:$PORT (default 3000), Telegram and WhatsApp when configured')
    .action(async () => {
      // Settings first: a typo should stop the start before the NLU trains.
      const config = serverConfigFromEnv(process.env);
      const log = loggerFromEnv(process.env);
      const clock = clockAt();
      const assistant = await openAssistant(clock);
      // From here on one bad turn is logged and the process keeps serving the other guests.
      keepServingOnErrors(log);
      const running = await startServer({ assistant, config, clock, log });
      console.error(`Madam COCO: ${running.url} (demo page), Ctrl+C to stop`);
      const stop = async () => {
        await running.close();
        await running.delivery.idle();
        assistant.close();
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
