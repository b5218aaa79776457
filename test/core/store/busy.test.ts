import { expect } from 'chai';
import { BusyRetry, DatabaseBusyError, isDatabaseBusy } from '../../../core/store';

/** What better-sqlite3 throws when another connection holds the lock. */
const locked = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('BusyRetry', () => {
  it('tries a write again while the database is locked, and returns what it returns once free', async () => {
    let tries = 0;
    const busy = new BusyRetry({ totalMs: 1000, pauseMs: 5, retryAfterSeconds: 1 });
    expect(await busy.run(() => (++tries < 3 ? Promise.reject(locked()) : 'written'))).to.equal('written');
    expect(tries).to.equal(3);
  });

  it('gives up with DatabaseBusyError (what to tell the client included) when the lock lasts', async () => {
    const busy = new BusyRetry({ totalMs: 60, pauseMs: 10, retryAfterSeconds: 3 });
    const error = await busy.run(() => { throw locked(); }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DatabaseBusyError);
    expect((error as DatabaseBusyError).retryAfterSeconds).to.equal(3);
    expect(isDatabaseBusy(error)).to.equal(true);
  });

  it('throws any other error at once', async () => {
    let tries = 0;
    const busy = new BusyRetry({ totalMs: 1000, pauseMs: 5, retryAfterSeconds: 1 });
    const error = await busy.run(() => { tries++; throw new RangeError('no'); }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RangeError);
    expect(tries).to.equal(1);
  });

  it('lets the writers waiting on one database take turns, leaving the event loop a pause between any two tries', async () => {
    const busy = new BusyRetry({ totalMs: 2000, pauseMs: 20, retryAfterSeconds: 1 });
    const times: number[] = [];
    let free = false;
    setTimeout(() => (free = true), 150);
    const write = () => busy.run(() => { times.push(performance.now()); if (!free) throw locked(); });
    await Promise.all([write(), write(), write()]);
    const retries = times.slice(3).sort((a, b) => a - b);
    for (let i = 1; i < retries.length; i++) expect(retries[i] - retries[i - 1]).to.be.at.least(19);
  });
});
