/**
 * Seeds the demo CRM once, deterministically, relative to the clock's date: the {@link DEMO_GUESTS} with
 * their visits, then generated guests whose bookings fill roughly a third of every master's working
 * time from {@link PAST_DAYS} days back to the booking horizon (past ones completed, the rest booked).
 * The seed date is recorded in `crm_meta`, so re-opening the database does not seed twice.
 */
import type { Database } from 'better-sqlite3';
import type { Master, Rules } from '../../salon';
import type { BusyInterval } from '../free-slots';
import { priceOf } from '../price';
import { minutesOfDay } from '../salon-calendar';
import type { Schedule } from '../schedule';
import { durationOf } from '../slot-rules';
import { DEMO_GUESTS, type DemoVisit } from './guests';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { seededRandom, type Random } from './random';

/** The PRNG seed: the same salon on every machine. */
const SEED = 0xc0c0_2026;
/** How many days of past visits are generated. */
export const PAST_DAYS = 60;
/** The share of working time the generated bookings aim to fill. */
export const TARGET_OCCUPANCY = 1 / 3;
const GENERATED_GUESTS = 80;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The `crm_meta` key of the seed date (`YYYY-MM-DD`). */
export const SEED_DATE_KEY = 'seed_date';

interface NewBooking {
  services: string[];
  master: Master;
  startMs: number;
  guest: { id: number; name: string; phone: string };
}

/**
 * Seeds the tables unless `crm_meta` already records a seed; returns the seed date either way.
 *
 * @example seedDemoData(db, schedule, rules, clock().getTime()) // "2026-11-24"
 */
export function seedDemoData(db: Database, schedule: Schedule, rules: Rules, seedMs: number): string {
  const readSeed = db.prepare<[string], { value: string }>('SELECT value FROM crm_meta WHERE key = ?');
  const seed = db.transaction((): string => {
    const existing = readSeed.get(SEED_DATE_KEY);
    if (existing) return existing.value;
    const date = schedule.calendar.date(schedule.calendar.dayOf(seedMs));
    new Seeder(db, schedule, rules, seedMs).run();
    const meta = db.prepare('INSERT INTO crm_meta (key, value) VALUES (?, ?)');
    meta.run(SEED_DATE_KEY, date);
    meta.run('seeded_at', schedule.calendar.iso(seedMs));
    return date;
  });
  // IMMEDIATE: two processes opening a fresh database must not both seed it.
  return seed.immediate();
}

class Seeder {
  private readonly random: Random = seededRandom(SEED);
  private readonly occupied = new Map<string, BusyInterval[]>();
  private readonly insertClient;
  private readonly insertBooking;

  constructor(private readonly db: Database, private readonly schedule: Schedule, private readonly rules: Rules, private readonly seedMs: number) {
    this.insertClient = db.prepare<[string, string]>('INSERT INTO crm_clients (name, phone) VALUES (?, ?)');
    this.insertBooking = db.prepare<[string, string, string, string, number, number, string, string, number, number, number]>(
      `INSERT INTO crm_bookings (status, branch, master, services, start_ms, end_ms, guest_name, phone, client_id, price, created_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  run(): void {
    this.loadExistingBookings();
    for (const demo of DEMO_GUESTS) {
      const guest = this.addGuest(demo.name, demo.phone);
      for (const visit of demo.visits) this.book({ ...this.placeDemoVisit(visit), services: visit.services, guest });
    }
    this.fillOccupancy(this.generateGuests());
  }

  /** Bookings made before seeding (with seeding off at first) are kept free of overlaps too. */
  private loadExistingBookings(): void {
    const rows = this.db.prepare<[], { master: string; start_ms: number; end_ms: number }>("SELECT master, start_ms, end_ms FROM crm_bookings WHERE status = 'booked'").all();
    for (const row of rows) this.markTaken(row.master, row.start_ms, row.end_ms);
  }

  private addGuest(name: string, phone: string): NewBooking['guest'] {
    return { id: Number(this.insertClient.run(name, phone).lastInsertRowid), name, phone };
  }

  private generateGuests(): Array<NewBooking['guest']> {
    const phones = new Set<string>();
    const guests: Array<NewBooking['guest']> = [];
    while (guests.length < GENERATED_GUESTS) {
      const phone = `+7916${String(this.random.int(10_000_000)).padStart(7, '0')}`;
      if (phones.has(phone)) continue;
      phones.add(phone);
      guests.push(this.addGuest(`${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`, phone));
    }
    return guests;
  }

  /** The day, minute and master of a demo visit (see {@link DemoVisit.exact}). */
  private placeDemoVisit(visit: DemoVisit): { master: Master; startMs: number } {
    const { calendar } = this.schedule;
    const seedDay = calendar.dayOf(this.seedMs);
    let day: number;
    let minute: number;
    if ('minutesAfterSeed' in visit.at) {
      const grid = this.rules.booking.grid_minutes * MINUTE_MS;
      const start = Math.ceil((this.seedMs + visit.at.minutesAfterSeed * MINUTE_MS) / grid) * grid;
      day = calendar.dayOf(start);
      minute = (start - calendar.dayStart(day)) / MINUTE_MS;
    } else {
      day = seedDay + visit.at.days;
      minute = minutesOfDay(visit.at.time);
    }
    const step = day >= seedDay ? 1 : -1;
    const working = (d: number): string | undefined => visit.masters.find((m) => this.schedule.hoursOf(m, d));
    for (let tries = 0; !visit.exact && !working(day) && tries < 7; tries++) day += step;
    const master = this.schedule.masters.get(working(day) ?? visit.masters[0])!;
    return { master, startMs: calendar.at(day, minute) };
  }

  /** Generated bookings over every master's working days, at random services and guests. */
  private fillOccupancy(guests: Array<NewBooking['guest']>): void {
    const { calendar } = this.schedule;
    const grid = this.rules.booking.grid_minutes;
    const lastDay = calendar.dayOf(this.seedMs + this.rules.booking.horizon_days * DAY_MS);
    for (let day = calendar.dayOf(this.seedMs) - PAST_DAYS; day <= lastDay; day++) {
      for (const master of this.schedule.catalog.masters) {
        const hours = this.schedule.hoursOf(master.id, day);
        const services = this.standaloneServices(master);
        if (!hours || services.length === 0) continue;
        const chance = this.bookingChance(services);
        let minute = Math.ceil(hours.open / grid) * grid;
        while (minute < hours.close) {
          const startMs = calendar.at(day, minute);
          if (this.random.chance(chance)) {
            const chosen = this.chooseServices(master, services);
            const minutes = durationOf(chosen, this.schedule);
            if (minute + minutes <= hours.close && this.isFree(master.id, startMs, startMs + minutes * MINUTE_MS)) {
              this.book({ services: chosen, master, startMs, guest: this.random.pick(guests) });
              minute = Math.ceil((minute + minutes) / grid) * grid;
              continue;
            }
          }
          minute += grid;
        }
      }
    }
  }

  /** Services a guest books on their own: not a free add-on (removal) nor a short extra (one nail's design). */
  private standaloneServices(master: Master): string[] {
    return master.services.filter((id) => {
      const service = this.schedule.services.get(id);
      return service && !service.free_with && service.minutes >= this.rules.booking.grid_minutes && service.branches.includes(master.branch);
    });
  }

  /** The chance to start a booking at a free grid step so that about TARGET_OCCUPANCY of the time is taken. */
  private bookingChance(services: string[]): number {
    const grid = this.rules.booking.grid_minutes;
    const steps = services.reduce((sum, id) => sum + Math.ceil(this.schedule.service(id).minutes / grid), 0) / services.length;
    // A free step starts a booking of `steps` steps with chance p: the taken share is p·steps / (p·steps + 1 − p).
    // Aim 10 % higher: near closing time a drawn service often does not fit, and that time stays free.
    const target = TARGET_OCCUPANCY * 1.1;
    return target / (steps * (1 - target) + target);
  }

  /** One service, sometimes with its upsell when the master does it (gel polish + design). */
  private chooseServices(master: Master, services: string[]): string[] {
    const main = this.random.pick(services);
    const upsell = this.schedule.service(main).upsell.find((id) => master.services.includes(id));
    return upsell && this.random.chance(0.2) ? [main, upsell] : [main];
  }

  private isFree(master: string, start: number, end: number): boolean {
    const day = this.schedule.calendar.dayOf(start);
    return !(this.occupied.get(`${master}|${day}`) ?? []).some((b) => b.start < end && b.end > start);
  }

  private book({ services, master, startMs, guest }: NewBooking): void {
    const endMs = startMs + durationOf(services, this.schedule) * MINUTE_MS;
    const status = endMs <= this.seedMs ? 'completed' : 'booked';
    const createdMs = Math.min(startMs, this.seedMs) - (1 + this.random.int(14)) * DAY_MS;
    const { price } = priceOf(services, master, this.schedule.catalog);
    this.insertBooking.run(status, master.branch, master.id, JSON.stringify(services), startMs, endMs, guest.name, guest.phone, guest.id, price, createdMs);
    this.markTaken(master.id, startMs, endMs);
  }

  private markTaken(master: string, start: number, end: number): void {
    const key = `${master}|${this.schedule.calendar.dayOf(start)}`;
    this.occupied.set(key, [...(this.occupied.get(key) ?? []), { start, end }]);
  }
}
