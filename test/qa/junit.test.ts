import { expect } from 'chai';
import { parseDocument } from 'yaml';
import { runTranscripts, selectCases, toJUnitXml } from '../../qa';
import { shippedEnvironment, transcriptFromString } from './helpers';

describe('toJUnitXml', () => {
  it('writes a suite per file and a case per transcript case, with the diff of a failure and the reason of a skip', async () => {
    const booking = transcriptFromString(
      `cases:
  - name: asks the branch
    steps:
      - user: запишите на маникюр
        awaiting: branch
  - name: expects <the wrong> & "odd" slot
    steps:
      - user: запишите на маникюр
        awaiting: when
`,
      'test/transcripts/booking/basic.yaml',
    );
    const known = transcriptFromString('cases:\n  - name: a known bug\n    tags: [known-bug]\n    steps: [{ user: привет }]\n', 'test/transcripts/greet.yaml');
    const result = await runTranscripts(selectCases([booking, known]), await shippedEnvironment(), { timer: () => 0 });
    const xml = toJUnitXml(result);

    expect(xml).to.match(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="transcripts" tests="3" failures="1" skipped="1" time="0\.000">/);
    expect(xml).to.contain('<testsuite name="test/transcripts/booking/basic.yaml" tests="2" failures="1" errors="0" skipped="0" time="0.000">');
    expect(xml).to.contain('<testcase name="asks the branch" classname="transcripts.booking.basic" file="test/transcripts/booking/basic.yaml" line="2" time="0.000"/>');
    expect(xml).to.contain('<testcase name="expects &lt;the wrong&gt; &amp; &quot;odd&quot; slot" classname="transcripts.booking.basic" file="test/transcripts/booking/basic.yaml" line="6"');
    expect(xml).to.contain('<failure message="test/transcripts/booking/basic.yaml:9: awaiting" type="TranscriptMismatch">');
    expect(xml).to.contain('- expected: &quot;when&quot;');
    expect(xml).to.contain('<skipped message="a known bug (run it with --tag known-bug)"/>');
    // Well-formed enough for an XML reader: balanced suites and cases.
    expect(xml.match(/<testsuite /g)).to.have.length(2);
    expect(xml.match(/<\/testsuite>/g)).to.have.length(2);
  });
});
