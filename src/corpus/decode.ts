/**
 * Bytes → text, before any reader runs: refuses empty, binary and non-UTF-8 files with a
 * message, decodes UTF-16 files that carry a byte-order mark, and strips a UTF-8 BOM.
 * Flow: read-corpus (file bytes) → decodeInput → detect-format → reader.
 */
import { badEncoding, binaryFile, emptyFile, type Message } from './messages.js';

export type Decoded = { text: string } | { problem: Message; line?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeInput(bytes: Uint8Array): Decoded {
  // UTF-16 needs its BOM: without one, its NUL bytes make it indistinguishable from binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return nonEmpty(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return nonEmpty(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: binaryFile(nul) };
  try {
    return nonEmpty(utf8.decode(bytes)); // TextDecoder drops a leading UTF-8 BOM by default
  } catch {
    const line = firstInvalidLine(bytes);
    return { problem: badEncoding(line), line };
  }
}

function nonEmpty(text: string): Decoded {
  return text.trim() === '' ? { problem: emptyFile() } : { text };
}

/** 1-based line holding the first invalid UTF-8 sequence (lines are split on LF, which UTF-8 never uses inside a sequence). */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
