/**
 * Input paths → files to read. Folders are walked recursively in sorted order (so ids and
 * output order are stable), skipping hidden entries; files with extensions no reader knows are
 * skipped with a note. A missing path or a folder with nothing readable becomes a reject.
 * Flow: read-corpus → listInputs → decode → detect-format → reader.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { EXTENSION_FORMATS, extensionOf } from './detect-format.js';
import { emptyFolder, notFound, skippedFile, unreadable } from './messages.js';
import { makeReject } from './reader-kit.js';
import type { Reject } from './types.js';

export interface InputList {
  files: string[];
  rejects: Reject[];
  diagnostics: Diagnostic[];
}

export async function listInputs(paths: string[]): Promise<InputList> {
  const list: InputList = { files: [], rejects: [], diagnostics: [] };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      list.rejects.push(makeReject({ file: path }, code === 'ENOENT' ? notFound() : unreadable(String(code ?? error))));
      continue;
    }
    if (!info.isDirectory()) {
      list.files.push(path);
      continue;
    }
    const before = list.files.length;
    await walk(path, list);
    if (list.files.length === before) list.rejects.push(makeReject({ file: path }, emptyFolder()));
  }
  return list;
}

async function walk(dir: string, list: InputList): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory());
    if (isDirectory) await walk(path, list);
    else if (EXTENSION_FORMATS[extensionOf(entry.name)]) list.files.push(path);
    else list.diagnostics.push({ ...skippedFile(extensionOf(entry.name)), severity: 'info', file: path });
  }
}
