// Dialog transcripts as tests: the YAML format, the runner, flow coverage, reports, --update and export.

// The format
export { parseTranscript, readTranscript } from './parse';
export { findTranscriptFiles, loadTranscripts, type LoadedTranscripts } from './load';
export { TRANSCRIPT_FILE_SCHEMA } from './schema';
export {
  CRM_EXPECTATION_KINDS, DEFAULT_NOW, KNOWN_BUG_TAG, TURN_EXPECTATION_KEYS,
  type CaseSpec, type CrmExpectation, type FixturesSpec, type GuestSpec, type StepInput, type StepSpec, type TextMatcher, type TranscriptFile, type TurnExpectation,
} from './types';

// Running
export { openCaseAssistant, FixtureError, type CaseAssistant, type TranscriptEnvironment } from './case-assistant';
export { runCase, pressedButton, type CaseRun, type CaseStatus, type StepRun } from './run-case';
export { runTranscripts, selectCases, flowSetOf, type RunResult, type Selection, type SelectedCase } from './runner';
export { checkTurn, type Failure } from './check-turn';
export { checkCrm } from './check-crm';
export { show, textMatches, valueMatches } from './match';

// Coverage
export { CoverageRecorder, ratio, type CoverageReport, type FlowCoverage, type Ratio, type StepCoverage, type TransitionCoverage } from './coverage';

// Reports
export { describeInput, formatCaseLine, formatCoverage, formatFailure, formatSummary, formatTurn } from './report';
export { toJUnitXml } from './junit';

// Recording real conversations
export { exportTranscript, type ExportOptions } from './export';
export { Masker, fakePhone } from './mask';

// Keeping transcripts up to date
export { applyUpdates, planUpdates, type TextChange, type UpdatePlan, type UpdateSkip } from './update';
