/**
 * Texts in a transcript as the person wrote them, where YAML would read them otherwise: `user: 1.10`
 * (a number), `- Свободно: выберите время` (a map), and a reply with ": " that breaks the line (a hint).
 */
import { isMap, parseDocument, type Node } from 'yaml';
import { ContentError, parseYamlSource, type Labeller } from '../salon';

/** The YAML, with a hint for the mistake transcripts invite: a reply text with ": " in it, unquoted. */
export function parseSource(source: string, file: string, label: Labeller): ReturnType<typeof parseYamlSource> {
  try {
    return parseYamlSource(source, file, label);
  } catch (error) {
    if (!(error instanceof ContentError) || !/mapping|map keys/i.test(error.message)) throw error;
    const problem = error.message.split('\n  → ')[0].replace(/^[^\n]*?:\d+: /, '').replace(/^[^\n:]+: (?=invalid YAML)/, '');
    throw new ContentError({
      file, line: error.line, problem,
      hint: 'a text with ": " in it must be in quotes — bot: "Свободно: выберите время" — or else check the indentation on this line or just above',
      cause: error,
    });
  }
}

/**
 * What the guest writes is text as typed: `user: 3` or `user: 22.11` must not become numbers (22.11
 * would lose nothing, but 1.10 would). Such values are taken from a parse that reads every scalar as text.
 */
export function keepTypedTexts(data: { cases: Array<{ steps: Array<Record<string, unknown>> }> }, source: string): void {
  const typed = data.cases.some((c) => c.steps.some((s) => 'user' in s && typeof s.user !== 'string'));
  if (!typed) return;
  const asText = parseDocument(source, { schema: 'failsafe' }).toJS() as { cases: Array<{ steps: Array<Record<string, unknown>> }> };
  data.cases.forEach((c, i) =>
    c.steps.forEach((s, j) => {
      if ('user' in s && typeof s.user !== 'string') s.user = s.user === null ? '' : String(asText.cases[i].steps[j].user ?? '');
    }),
  );
}

/**
 * A reply in a list, `- Свободно: выберите время`, is to YAML a map { "Свободно": "выберите время" }. A
 * person means the text, so a one-entry map where a text belongs (`user`, `bot` and its list items),
 * that is not a matcher, is read back as the text written in the file.
 */
export function keepColonTexts(data: unknown, source: string): void {
  const cases = (data as { cases?: unknown })?.cases;
  if (!Array.isArray(cases)) return;
  const isColonText = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const entries = Object.entries(v);
    return entries.length === 1 && !['contains', 'regex'].includes(entries[0][0]) && (entries[0][1] === null || typeof entries[0][1] !== 'object');
  };
  let doc: ReturnType<typeof parseDocument> | undefined;
  const textAt = (path: Array<string | number>): string | undefined => {
    doc ??= parseDocument(source);
    const node = doc.getIn(path, true);
    const pair = isMap(node) ? node.items[0] : undefined;
    const start = (pair?.key as Node | undefined)?.range?.[0];
    const end = (pair?.value as Node | undefined)?.range?.[1] ?? (pair?.key as Node | undefined)?.range?.[1];
    return start === undefined || end === undefined ? undefined : source.slice(start, end).trim();
  };
  cases.forEach((c, i) => {
    const steps = (c as { steps?: unknown })?.steps;
    if (!Array.isArray(steps)) return;
    steps.forEach((step, j) => {
      if (step === null || typeof step !== 'object') return;
      const s = step as Record<string, unknown>;
      for (const key of ['user', 'bot']) {
        if (isColonText(s[key])) s[key] = textAt(['cases', i, 'steps', j, key]) ?? s[key];
        else if (key === 'bot' && Array.isArray(s.bot)) s.bot = s.bot.map((item, k) => (isColonText(item) ? (textAt(['cases', i, 'steps', j, 'bot', k]) ?? item) : item));
      }
    });
  });
}
