import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ContentError, readContentFile } from '../salon';
import { parseTranscript } from './parse';
import type { TranscriptFile } from './types';

/** The transcripts of some paths, and the files that could not be read. */
export interface LoadedTranscripts {
  files: TranscriptFile[];
  /** One per broken file, each with file and line. */
  problems: ContentError[];
}

/**
 * The transcript files under the given files and folders (`*.yaml`, `*.yml`, recursively), sorted,
 * each once. Paths are shown relative to `cwd` in messages.
 *
 * @throws {ContentError} for a path that does not exist.
 */
export function findTranscriptFiles(paths: string[], cwd = process.cwd()): string[] {
  const found = new Set<string>();
  const visit = (path: string): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new ContentError({ file: relative(cwd, path) || path, problem: 'no such file or folder', hint: 'give transcript files or folders, e.g. test/transcripts' });
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        if (statSync(child).isDirectory() || /\.ya?ml$/.test(entry)) visit(child);
      }
    } else {
      found.add(relative(cwd, path) || path);
    }
  };
  for (const path of paths) visit(resolve(cwd, path));
  return [...found].sort();
}

/** Reads every transcript under `paths`; a broken file is a problem, the others still load. */
export function loadTranscripts(paths: string[], cwd = process.cwd()): LoadedTranscripts {
  const files: TranscriptFile[] = [];
  const problems: ContentError[] = [];
  for (const file of findTranscriptFiles(paths, cwd)) {
    try {
      // Read from the full path; named in messages as given (relative to cwd).
      files.push(parseTranscript(readContentFile(resolve(cwd, file), 'the transcript', 'transcripts live in test/transcripts/**/*.yaml'), file));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(error);
    }
  }
  return { files, problems };
}
