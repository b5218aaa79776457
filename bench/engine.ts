/**
 * Engine benchmark: N scripted guests book visits at the same time through `DialogueEngine.handle`,
 * on the production wiring (SQLite file database in WAL mode, the demo CRM, the shipped flows and
 * content), with a frozen clock and the NLU trained once beforehand; no LLM. Prints turns per second,
 * turn latency percentiles, memory per idle conversation and whether the targets are met.
 *
 *   npm run bench:engine [-- --conversations 200 --warmup 200 --inflight 1 --seed 7 --phases --trace guest-12 --keep]
 *
 * All conversations are open at once and their turns interleave in a seeded random order; `--inflight`
 * turns are handled at a time (1: a turn's latency is its own processing time; more: latency includes
 * waiting behind the other turns, the event loop being one thread either way). `--warmup` guests run
 * first, unmeasured, until the JIT has compiled the turn's code (fewer leaves its compiling in the numbers;
 * many more fill the popular days, and guests then give up for want of free times). `--phases` times the flows, the NLU, the store, the CRM, the variables and the
 * rendering separately (a little overhead); `--trace` prints one guest's conversation; `--keep` leaves
 * the database file in place. `--ablate` takes parts out to show how fast the rest could go (a ceiling, not
 * the product): `store` keeps conversations in a Map (still serialised to JSON) instead of SQLite, `nlu`
 * understands each distinct text once and reuses the result.
 *
 * The wall-clock figures count every moment another process holds the CPU; "main thread on a CPU"
 * does not (shared caches still slow it), so compare that one between runs on a busy machine.
 */
import { mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAssistant, type Assistant, PROJECT_ROOT } from '../app';
import { loadCatalog } from '../salon';
import { createDemoCrm, type Crm, seededRandom } from '../crm';
import { FlowStack, type TurnResult, conversationId, type ConversationKey, type ConversationState, type ConversationStore, type StoredConversation } from '../core';
import { Nlu, readRasaNluFile, type ParseOptions, type ParseResult } from '../nlu';
import { ScriptedGuest } from './engine-guest';
import { GcPauses, now as performanceNow, type Span } from './gc-pauses';
import { msSince, quantile } from './stats';

/** The issue's targets, on the 2-core reference machine, without any LLM. */
const TARGET_TURNS_PER_SECOND = 2000;
const TARGET_P99_MS = 5;
/** A Tuesday noon in Moscow: the salon is open, the week ahead has every weekday. */
const NOW = new Date('2026-11-24T12:00:00+03:00');

interface Options {
  conversations: number;
  warmup: number;
  inflight: number;
  seed: number;
  phases: boolean;
  keep: boolean;
  /** A guest whose turns are printed, e.g. `guest-12`. */
  trace?: string;
  /** Parts taken out of the turn (`store`, `nlu`), to measure the rest. */
  ablate: Set<Ablation>;
}

const ABLATIONS = ['store', 'nlu'] as const;
type Ablation = (typeof ABLATIONS)[number];

interface RunStats {
  turns: number;
  seconds: number;
  latencies: number[];
  /** The process's CPU time (user + system, all threads) during the run, in ms. */
  cpuMs: number;
  /** The main thread's time on a CPU during the run, in ms (Linux; undefined elsewhere): the turns' work without waiting for a core or the disk. */
  mainThreadMs?: number;
  /** The guests, until their bookings are checked. */
  guests: ScriptedGuest[];
  /** Each turn's span on the performance clock, in the order of `latencies`. */
  spans: Span[];
  gc: GcPauses;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const gc = exposeGc();
  const content = join(PROJECT_ROOT, 'content');
  const started = process.hrtime.bigint();
  const nlu = await Nlu.train({ training: readRasaNluFile(join(content, 'intents.yaml')), catalog: loadCatalog(join(content, 'catalog.yaml')) });
  console.log(`NLU trained in ${(msSince(started) / 1000).toFixed(2)} s`);

  const dir = mkdtempSync(join(tmpdir(), 'coco-bench-'));
  const database = join(dir, 'coco.db');
  const phases = new PhaseTimer(options.phases);
  const assistant = createAssistant({
    contentDir: content,
    flowsDir: join(PROJECT_ROOT, 'flows'),
    database,
    clock: () => new Date(NOW.getTime()),
    nlu: phases.wrap('NLU', options.ablate.has('nlu') ? understandOnce(nlu) : nlu, ['parse', 'entities']),
    crm: (db, { catalog, rules }) => phases.wrap('CRM', createDemoCrm({ db, catalog, rules, clock: () => new Date(NOW.getTime()) }) as Crm, null, { within: true }),
  });
  if (options.ablate.has('store')) Object.assign(assistant.store, mapStore());
  phases.wrapMethods('store load', assistant.store, ['load']);
  phases.wrapMethods('store save', assistant.store, ['saveTurn']);
  phases.wrapMethods('render', assistant.responses, ['render', 'buttons']);
  // The variable builder has no public handle: reach into the engine's dependencies (the bench only).
  phases.wrapMethods('variables', (assistant.engine as unknown as { deps: object }).deps, ['variables']);
  phases.wrapMethods('flows', FlowStack.prototype, ['start', 'send', 'awaiting', 'slots', 'frames']);
  console.log(`database: ${database} (WAL), clock frozen at ${NOW.toISOString()}, ${options.conversations} conversations, ${options.inflight} turn(s) in flight`);
  if (options.ablate.size > 0) console.log(`ABLATED: ${[...options.ablate].join(', ')} (a ceiling for the rest of the turn, not the product's speed)`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)} before the run; node ${process.version} ${process.execArgv.join(' ') || '(no V8 flags)'}`);

  try {
    // Warm-up: other guests, so the measured ones meet a JIT-compiled engine and a used database.
    if (options.warmup > 0) await run(assistant, options.warmup, options.inflight, options.seed + 1, 'warm', options.conversations);
    phases.reset();
    gc?.();
    const heapBefore = liveHeapBytes();
    const fileBefore = databaseBytes(assistant);

    const stats = await run(assistant, options.conversations, options.inflight, options.seed, 'guest', 0, options.trace);

    const fileAfter = databaseBytes(assistant);
    const bookings = await checkBookings(assistant, stats.guests);
    // The scripted guests are the benchmark's memory, not the engine's.
    stats.guests = [];
    gc?.();
    const heapAfter = liveHeapBytes();
    report(assistant, stats, bookings, {
      heapPerConversation: (heapAfter - heapBefore) / options.conversations,
      filePerConversation: (fileAfter - fileBefore) / options.conversations,
      gc: gc !== undefined,
    });
    phases.print(stats.turns, stats.seconds);
  } finally {
    assistant.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `count` guests to the end of their scripts, their turns interleaved in a seeded random order.
 * Guests are `<prefix>-<i>`, with phones made from `firstNumber + i` (so two runs never share a client).
 */
async function run(assistant: Assistant, count: number, inflight: number, seed: number, prefix: string, firstNumber: number, trace?: string): Promise<RunStats> {
  const random = seededRandom(seed);
  const guests = Array.from({ length: count }, (_, i) => new ScriptedGuest(`${prefix}-${i}`, firstNumber + i, random));
  const last = new Map<ScriptedGuest, TurnResult | null>(guests.map((g) => [g, null]));
  const ready = [...guests];
  const latencies: number[] = [];
  const spans: Span[] = [];
  let turns = 0;

  const worker = async (): Promise<void> => {
    while (ready.length > 0) {
      // A random guest whose previous reply arrived writes next.
      const at = random.int(ready.length);
      const guest = ready[at];
      ready[at] = ready[ready.length - 1];
      ready.pop();
      const message = guest.next(last.get(guest)!);
      if (!message) {
        last.delete(guest); // an idle conversation keeps nothing in this process but the store's rows
        continue;
      }
      const start = process.hrtime.bigint();
      const from = performanceNow();
      const result = await assistant.engine.handle(message);
      latencies.push(msSince(start));
      spans.push({ start: from, end: performanceNow() });
      turns++;
      last.set(guest, result);
      ready.push(guest);
      if (guest.userId === trace) {
        console.log(`> ${message.text ?? message.payload}`);
        for (const reply of result.replies) console.log(`  < [${reply.response}] ${reply.text.replace(/\n/g, ' ')} ${reply.buttons.map((b) => `[${b.title}]`).join(' ')}`);
        console.log(`  (${result.intent} ${result.confidence.toFixed(2)}, flow ${result.flow}, awaiting ${result.awaiting})`);
      }
    }
  };
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const threadClock = mainThreadClock();
  const threadStart = threadClock?.();
  const gc = new GcPauses();
  gc.start();
  await Promise.all(Array.from({ length: Math.max(1, inflight) }, worker));
  await gc.stop();
  const cpu = process.cpuUsage(cpuStart);
  const mainThreadMs = threadClock && threadStart !== undefined ? (threadClock() - threadStart) / 1e6 : undefined;
  return { turns, seconds: msSince(start) / 1000, latencies, cpuMs: (cpu.user + cpu.system) / 1000, mainThreadMs, guests, spans, gc };
}

/** What the guests booked, checked against the CRM. */
interface BookingCheck {
  conversations: number;
  booked: number;
  /** Bookings the CRM has for the guest's phone and service. */
  confirmed: number;
  failed: number;
  /** Times another guest booked a guest's chosen time first (the flow then offered other times). */
  slotsLost: number;
  /** Lines about guests that gave up or whose booking does not match. */
  problems: string[];
}

/** Every booking the guests were told about must be in the CRM, booked, for their phone and service. */
async function checkBookings(assistant: Assistant, guests: ScriptedGuest[]): Promise<BookingCheck> {
  const booked = guests.filter((g) => g.bookingId);
  const failed = guests.filter((g) => g.failure);
  const inCrm = new Map((await assistant.crm.listBookings()).map((b) => [b.id, b]));
  const matches = (g: ScriptedGuest) => {
    const booking = inCrm.get(g.bookingId!);
    return booking?.status === 'booked' && booking.phone === g.phone && booking.services[0] === g.opening.service;
  };
  const problems = [
    ...failed.slice(0, 5).map((g) => `${g.userId} ("${g.opening.text}"): ${g.failure}`),
    ...booked.filter((g) => !matches(g)).slice(0, 5).map((g) => `${g.userId} ("${g.opening.text}"): booked ${JSON.stringify(inCrm.get(g.bookingId!))}`),
  ];
  const slotsLost = guests.reduce((sum, g) => sum + g.slotsLost, 0);
  return { conversations: guests.length, booked: booked.length, confirmed: booked.filter(matches).length, failed: failed.length, slotsLost, problems };
}

function report(
  assistant: Assistant,
  stats: RunStats,
  bookings: BookingCheck,
  memory: { heapPerConversation: number; filePerConversation: number; gc: boolean },
): void {
  const { latencies } = stats;
  const states = assistant.db.prepare<[string], { bytes: number; max: number }>(
    "SELECT AVG(LENGTH(state)) AS bytes, MAX(LENGTH(state)) AS max FROM conv_conversations WHERE id LIKE ? || '%'",
  ).get('bench:guest-')!;

  const perSecond = stats.turns / stats.seconds;
  const p50 = quantile(latencies, 0.5);
  const p95 = quantile(latencies, 0.95);
  const p99 = quantile(latencies, 0.99);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

  console.log('');
  console.log(`conversations: ${bookings.conversations}, bookings created: ${bookings.booked} (${bookings.confirmed} checked in the CRM), gave up: ${bookings.failed}; a chosen time taken by another guest first: ${bookings.slotsLost} times`);
  for (const problem of bookings.problems) console.log(`  ${problem}`);
  console.log(`total turns: ${stats.turns} in ${stats.seconds.toFixed(2)} s (${(stats.turns / bookings.conversations).toFixed(1)} per conversation)`);
  console.log(`turns per second: ${perSecond.toFixed(0)} (target ≥ ${TARGET_TURNS_PER_SECOND}: ${met(perSecond >= TARGET_TURNS_PER_SECOND)})`);
  console.log(`turn latency: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms (p99 target ≤ ${TARGET_P99_MS} ms: ${met(p99 <= TARGET_P99_MS)})`);
  const pauses = stats.gc.explain(stats.spans, latencies, TARGET_P99_MS);
  const pauseLine = (p: { count: number; totalMs: number; maxMs: number }) => `${p.count} (${(p.totalMs / stats.turns).toFixed(3)} ms per turn, longest ${p.maxMs.toFixed(1)} ms)`;
  console.log(`turns over ${TARGET_P99_MS} ms: ${pauses.slow} (${((pauses.slow / stats.turns) * 100).toFixed(2)} %), ${pauses.withPause} of them paused by the garbage collector; GC pauses: minor ${pauseLine(pauses.minor)}, major ${pauseLine(pauses.major)}`);
  console.log(`machine load average after the run: ${loadavg()[0].toFixed(2)} (about 1 of it is this benchmark)`);
  const cpuPerTurn = stats.cpuMs / stats.turns;
  console.log(`CPU time per turn: ${cpuPerTurn.toFixed(2)} ms in all threads (GC helpers, the checkpointer and the JIT included)`);
  if (stats.mainThreadMs !== undefined) {
    const mean = stats.mainThreadMs / stats.turns;
    console.log(`main thread on a CPU per turn: ${mean.toFixed(2)} ms, i.e. ${(1000 / mean).toFixed(0)} turns/s on a core of its own (no waiting for a core or the disk in it; a busy machine still slows it through shared caches)`);
  }
  console.log(`memory per idle conversation: heap ${kb(memory.heapPerConversation)}${memory.gc ? ' (after GC, compiled code left out)' : ' (no GC available: an estimate)'}, SQLite file ${kb(memory.filePerConversation)} (state row ${kb(states.bytes)} on average, ${kb(states.max)} at most; the rest is the turn and message log and the booking)`);
  if (bookings.booked !== bookings.conversations || bookings.confirmed !== bookings.booked) {
    console.log('NOT every scripted booking completed: the numbers above do not describe full bookings.');
    process.exitCode = 1;
  }
}

/** The store's turn path on a Map: the state and the turn are serialised as SQLite would get them, nothing is written. */
function mapStore(): Pick<ConversationStore, 'load' | 'saveTurn'> {
  const rows = new Map<string, { version: number; state: string; log: string; createdAt: string }>();
  const at = NOW.toISOString();
  const stored = (id: string, key: ConversationKey, row: { version: number; state: string; createdAt: string }): StoredConversation => ({
    id, channel: key.channel, userId: key.userId, state: JSON.parse(row.state) as ConversationState, version: row.version, createdAt: row.createdAt, updatedAt: at,
  });
  return {
    load: (key) => {
      const id = conversationId(key);
      const row = rows.get(id);
      return row && stored(id, key, row);
    },
    saveTurn: (key, expectedVersion, state, messages, outcome = {}) => {
      const id = conversationId(key);
      const version = (rows.get(id)?.version ?? 0) + 1;
      if (version - 1 !== (expectedVersion ?? 0)) throw new Error(`${id}: version ${version - 1}, expected ${expectedVersion}`);
      const row = { version, state: JSON.stringify(state), log: JSON.stringify({ messages, outcome }), createdAt: rows.get(id)?.createdAt ?? at };
      rows.set(id, row);
      return stored(id, key, row);
    },
  };
}

/** The NLU with each distinct text understood once (the clock is frozen, so the answer cannot change). */
function understandOnce(nlu: Nlu): Nlu {
  const parsed = new Map<string, Promise<ParseResult>>();
  return new Proxy(nlu, {
    get: (target, name, receiver) => {
      if (name !== 'parse') return Reflect.get(target, name, receiver);
      return (text: string, options: ParseOptions) => {
        let result = parsed.get(text);
        if (!result) parsed.set(text, (result = target.parse(text, options)));
        return result;
      };
    },
  });
}

/** The JavaScript heap in use, compiled code left out (the JIT keeps compiling while the benchmark runs). */
function liveHeapBytes(): number {
  return getHeapSpaceStatistics()
    .filter((space) => !space.space_name.startsWith('code'))
    .reduce((sum, space) => sum + space.space_used_size, 0);
}

/** The database's size as SQLite sees it (the pages of the file and of the write-ahead log not yet folded in). */
function databaseBytes(assistant: Assistant): number {
  const pages = assistant.db.pragma('page_count', { simple: true }) as number;
  return pages * (assistant.db.pragma('page_size', { simple: true }) as number);
}

/** Nanoseconds the calling (main) thread has been on a CPU, from Linux's schedstat; undefined elsewhere. */
function mainThreadClock(): (() => number) | undefined {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(64);
    const read = () => Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ')[0]);
    return Number.isFinite(read()) ? read : undefined;
  } catch {
    return undefined;
  }
}

/** `global.gc`, turned on at run time when node was started without `--expose-gc`. */
function exposeGc(): (() => void) | undefined {
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/**
 * Optional timing of the turn's phases, by wrapping the engine's parts (exact with one turn in flight:
 * a promise is timed until it settles). A phase entered again from inside itself counts once; a phase
 * marked `within` runs inside another one and is not subtracted again for "rest".
 */
class PhaseTimer {
  private readonly totals = new Map<string, number>();
  private readonly depth = new Map<string, number>();
  private readonly within = new Set<string>();

  constructor(private readonly enabled: boolean) {}

  /** The object with its methods (all, or the ones named) timed under `phase`. */
  wrap<T extends object>(phase: string, target: T, methods: string[] | null, options: { within?: boolean } = {}): T {
    if (!this.enabled) return target;
    if (options.within) this.within.add(phase);
    return new Proxy(target, {
      get: (object, name, receiver) => {
        const value = Reflect.get(object, name, receiver);
        if (typeof value !== 'function' || (methods !== null && !methods.includes(String(name)))) return value;
        return (...args: unknown[]) => this.time(phase, () => value.apply(object, args));
      },
    });
  }

  /** Replaces the named methods of an object (or a prototype) with timed ones, for parts the engine already holds. */
  wrapMethods(phase: string, target: object, methods: string[]): void {
    if (!this.enabled) return;
    const record = target as Record<string, (...args: unknown[]) => unknown>;
    const time = this.time.bind(this);
    for (const name of methods) {
      const original = record[name];
      if (typeof original !== 'function') continue;
      record[name] = function (this: unknown, ...args: unknown[]) {
        return time(phase, () => original.apply(this, args));
      };
    }
  }

  reset(): void {
    this.totals.clear();
  }

  print(turns: number, seconds: number): void {
    if (!this.enabled) return;
    const total = seconds * 1000;
    let known = 0;
    console.log('');
    console.log('time per turn by phase ("flows" restores and runs the XState actors, the CRM calls of their actions included; "rest" is the decisions, copying state and GC):');
    for (const [phase, ms] of [...this.totals].sort((a, b) => b[1] - a[1])) {
      if (!this.within.has(phase)) known += ms;
      const label = this.within.has(phase) ? `  ${phase}` : phase;
      console.log(`  ${label.padEnd(14)} ${(ms / turns).toFixed(3)} ms  ${((ms / total) * 100).toFixed(0).padStart(3)} %`);
    }
    console.log(`  ${'rest'.padEnd(14)} ${((total - known) / turns).toFixed(3)} ms  ${(((total - known) / total) * 100).toFixed(0).padStart(3)} %`);
  }

  private time<R>(phase: string, call: () => R): R {
    const depth = this.depth.get(phase) ?? 0;
    if (depth > 0) return call();
    this.depth.set(phase, 1);
    const start = process.hrtime.bigint();
    const done = () => {
      this.depth.set(phase, 0);
      this.totals.set(phase, (this.totals.get(phase) ?? 0) + msSince(start));
    };
    let result: R;
    try {
      result = call();
    } catch (error) {
      done();
      throw error;
    }
    if (result instanceof Promise) return result.finally(done) as R;
    done();
    return result;
  }
}

function parseOptions(args: string[]): Options {
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    const value = at >= 0 ? Number(args[at + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} takes a whole number ≥ 0, got "${args[at + 1]}"`);
    return value;
  };
  return {
    conversations: Math.max(1, option('--conversations', 200)),
    warmup: option('--warmup', 200),
    inflight: Math.max(1, option('--inflight', 1)),
    seed: option('--seed', 7),
    phases: args.includes('--phases'),
    keep: args.includes('--keep'),
    trace: args.includes('--trace') ? args[args.indexOf('--trace') + 1] : undefined,
    ablate: parseAblations(args.includes('--ablate') ? args[args.indexOf('--ablate') + 1] : ''),
  };
}

function parseAblations(list: string): Set<Ablation> {
  const parts = list.split(',').filter(Boolean);
  const unknown = parts.filter((p) => !(ABLATIONS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new RangeError(`--ablate takes ${ABLATIONS.join(', ')} (comma-separated), got "${unknown.join(',')}"`);
  return new Set(parts as Ablation[]);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
