/**
 * JUnit XML of a transcript run, for CI dashboards: one `<testsuite>` per transcript file, one
 * `<testcase>` per case; a failed case carries the same diff `coco test` prints.
 */
import { formatFailure } from './report';
import type { RunResult } from './runner';
import type { CaseRun } from './run-case';

/**
 * The run as JUnit XML (the common Ant/Jenkins/GitLab dialect).
 *
 * @example toJUnitXml(result)
 * // <?xml version="1.0" encoding="UTF-8"?>
 * // <testsuites name="transcripts" tests="2" failures="1" skipped="0" time="0.812">
 * //   <testsuite name="test/transcripts/booking.yaml" …>
 * //     <testcase name="books a manicure" classname="transcripts.booking" file="test/transcripts/booking.yaml" line="3" time="0.231"/>
 */
export function toJUnitXml(result: Pick<RunResult, 'cases' | 'durationMs'>): string {
  const byFile = new Map<string, CaseRun[]>();
  for (const run of result.cases) byFile.set(run.spec.file, [...(byFile.get(run.spec.file) ?? []), run]);
  const count = (runs: CaseRun[], status: CaseRun['status']) => runs.filter((r) => r.status === status).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="transcripts" tests="${result.cases.length}" failures="${count(result.cases, 'failed')}" skipped="${count(result.cases, 'skipped')}" time="${seconds(result.durationMs)}">`,
  ];
  for (const [file, runs] of byFile) {
    const time = runs.reduce((sum, r) => sum + r.durationMs, 0);
    lines.push(`  <testsuite name="${xml(file)}" tests="${runs.length}" failures="${count(runs, 'failed')}" errors="0" skipped="${count(runs, 'skipped')}" time="${seconds(time)}">`);
    const classname = `transcripts.${file.replace(/^.*?transcripts\//, '').replace(/\.ya?ml$/, '').replace(/[/\\]/g, '.')}`;
    for (const run of runs) {
      const attributes = `name="${xml(run.spec.name)}" classname="${xml(classname)}" file="${xml(run.spec.file)}" line="${run.spec.line}" time="${seconds(run.durationMs)}"`;
      if (run.status === 'passed') {
        lines.push(`    <testcase ${attributes}/>`);
      } else if (run.status === 'skipped') {
        lines.push(`    <testcase ${attributes}>`, `      <skipped message="${xml(run.error ?? 'skipped')}"/>`, '    </testcase>');
      } else {
        const first = run.steps.flatMap((s) => s.failures)[0];
        const message = first ? `${first.file}:${first.line}: ${first.what}` : (run.steps.find((s) => s.error)?.error ?? run.error ?? 'failed');
        lines.push(`    <testcase ${attributes}>`, `      <failure message="${xml(message)}" type="TranscriptMismatch">${xml(formatFailure(run))}</failure>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** Text escaped for XML attributes and content; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
