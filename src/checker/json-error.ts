/**
 * Where JSON text stops being valid, as line and character (both from 1). Found by its own small
 * scan, not read from the engine's message: Chromium says "at position N", Firefox "at line L
 * column C", WebKit names no place at all, and a webmaster should get the same answer in each.
 * Returns undefined when the text is valid JSON.
 */
export function jsonErrorAt(text: string): { line: number; character: number; offset: number } | undefined {
  const offset = firstError(text);
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, character: offset - before.lastIndexOf('\n'), offset };
}

/** Offset of the first character that cannot continue valid JSON (text.length: it ended too early). */
function firstError(s: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  // Each step returns false at the first bad character, leaving `i` on it.
  const literal = (word: string) => {
    for (const c of word) {
      if (s[i] !== c) return false;
      i++;
    }
    return true;
  };
  const string = (): boolean => {
    if (s[i] !== '"') return false;
    i++;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') return (i++, true);
      if (c < ' ') return false; // a raw line break or control character inside a string
      if (c === '\\') {
        i++;
        if (s[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(s[i] ?? '')) return false;
          continue;
        }
        if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) return false;
      }
      i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const value = (): boolean => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return (i++, true);
      for (;;) {
        ws();
        if (!string()) return false;
        ws();
        if (s[i] !== ':') return false;
        i++;
        if (!value()) return false;
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return (i++, true);
        else return false;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return (i++, true);
      for (;;) {
        if (!value()) return false;
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return (i++, true);
        else return false;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const start = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = start;
  if (!value()) return Math.min(i, s.length);
  ws();
  return i < s.length ? i : undefined;
}
