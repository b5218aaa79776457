import { expect } from 'chai';
import { formatSummary, type CaseRun } from '../../qa';

describe('transcript summary line', () => {
  const cases = (statuses: Array<CaseRun['status']>) => statuses.map((status) => ({ status }) as CaseRun);

  it('reads `N passed, N failed` and names skipped cases', () => {
    expect(formatSummary({ cases: cases(['passed', 'passed', 'failed', 'skipped']), durationMs: 1234 })).to.equal('2 passed, 1 failed, 1 skipped (1.2 s)');
  });

  it('names transcript files that could not be read, so a run without failures does not look green', () => {
    expect(formatSummary({ cases: cases(['passed']), durationMs: 100 }, 1)).to.equal('1 passed, 0 failed, 1 file unreadable (0.1 s)');
    expect(formatSummary({ cases: [], durationMs: 0 }, 2)).to.equal('0 passed, 0 failed, 2 files unreadable (0.0 s)');
  });
});
