/** Runs `fn` with console.warn collected instead of printed; returns the warnings as text. */
export function quiet(fn) {
  const original = console.warn;
  const seen = [];
  console.warn = (...args) => seen.push(args.map(String).join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return seen;
}
