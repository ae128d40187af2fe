/**
 * Where a JSON text first goes wrong. V8's JSON.parse messages only sometimes carry a
 * position ("Unexpected token '}', ..." does not), and a message about a malformed JSON file must
 * name its line. A small recursive-descent scan of the JSON grammar finds the offset.
 * Flow: read-json (on a parse failure) → jsonErrorOffset → line for the reject.
 */

class Stop {
  constructor(readonly offset: number) {}
}

/** Offset of the first character that cannot continue valid JSON, or undefined if the text is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    expect('"');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const sequence = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === close) return void i++;
      expect(',');
      ws();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') sequence('}', () => (string(), ws(), expect(':'), value()));
    else if (c === '[') sequence(']', value);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i++;
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    return undefined; // nesting too deep for the scan: no position rather than a wrong one
  }
}
