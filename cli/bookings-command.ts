import { Command } from 'commander';
import { clockAt, openAssistant } from './open-assistant';

/** `coco bookings`: the demo CRM's bookings. */
export function bookingsCommand(): Command {
  return new Command('bookings')
    .description("list the CRM's bookings")
    .option('--json', 'print JSON: [{ id, status, branch, master, services, start, end, guestName, phone }]')
    .action(async (options: { json?: boolean }) => {
      const assistant = await openAssistant(clockAt());
      const bookings = (await assistant.crm.listBookings()).map(({ id, status, branch, master, services, start, end, guestName, phone }) => ({ id, status, branch, master, services, start, end, guestName, phone }));
      if (options.json) console.log(JSON.stringify(bookings, null, 2));
      else for (const b of bookings) console.log(`${b.id}\t${b.status}\t${b.start}\t${b.branch}\t${b.master}\t${b.services.join('+')}\t${b.guestName}`);
      assistant.close();
    });
}
