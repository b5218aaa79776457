/** An error outside any turn is logged, and the server process goes on serving. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { keepServingOnErrors, type ProcessEvents } from '../../../app/server';
import type { Logger } from '../../../common';

/** A logger that keeps its lines. */
function recordingLog(): Logger & { lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) => void lines.push({ level, event, fields });
  const log = { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log };
  return log;
}

describe('keepServingOnErrors', () => {
  it('keeps the process alive through an unhandled rejection and an uncaught exception, logging each', function () {
    this.timeout(20_000);
    const worker = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), join(__dirname, 'process-guard-worker.ts')], { encoding: 'utf8', timeout: 15_000 });
    expect(worker.status, worker.stderr).to.equal(0);
    const events = worker.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { level: string; msg: string; err?: { message?: string } });
    expect(events.map((e) => [e.level, e.msg, e.err?.message])).to.deep.equal([
      ['error', 'process.unhandled_rejection', 'a turn nobody awaited'],
      ['error', 'process.uncaught_exception', 'thrown on a timer'],
    ]);
    expect(worker.stdout).to.contain('still serving');
  });

  it('stops listening once released', () => {
    const target = new EventEmitter();
    const log = recordingLog();
    const release = keepServingOnErrors(log, target as unknown as ProcessEvents);
    target.emit('unhandledRejection', new Error('first'));
    release();
    expect(target.listenerCount('unhandledRejection') + target.listenerCount('uncaughtException')).to.equal(0);
    expect(log.lines.map((l) => l.event)).to.deep.equal(['process.unhandled_rejection']);
  });
});
