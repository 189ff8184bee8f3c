/**
 * The search index of a long wall: a lazy chunk, loaded 50 ms after a wall of over 500 ideas is
 * sorted (while the visitor reads). Shorter walls, and a long one before it arrives, filter with
 * `passes` over all ideas (a fraction of a millisecond at 500).
 */
import { foldedText, passes, type Filter, type Idea } from './idea-wall.model.js';

/**
 * The folded texts of a list of ideas as one string: the next idea holding a word is found by the
 * engine's native `indexOf` (a word in no idea is ruled out over 10,000 ideas in a fraction of a
 * millisecond), not by one `includes` call per idea. Made once per order of the list.
 */
export class SearchIndex {
  readonly text: string;
  /** Where each idea's text starts in `text`; one more entry for the end. */
  readonly starts: Int32Array;

  constructor(readonly ideas: Idea[]) {
    const starts = (this.starts = new Int32Array(ideas.length + 1));
    let pos = 0;
    ideas.forEach((idea, i) => {
      starts[i] = pos;
      pos += foldedText(idea).length + 1;
    });
    starts[ideas.length] = pos;
    // \u0001 after each idea: no query word holds it, so no match spans two ideas. One join, one
    // flat string (a concatenation after it would make the first search copy it whole).
    this.text = [...ideas.map(foldedText), ''].join('\u0001');
    this.text.indexOf('\u0002'); // touch it once now, not on the first keystroke
  }

  /**
   * The ideas from position `from` on that pass the filter, in the index's order, added to `found`
   * until it holds `limit`; `next` is where to go on (`ideas.length` once all are searched). A wall
   * needs only its first page to draw a keystroke's result: the rest is searched when asked for.
   */
  find(f: Filter, from: number, limit: number, found: Idea[] = []): { found: Idea[]; next: number } {
    const { text, starts, ideas } = this;
    // The longest word leads (usually the rarest): indexOf jumps to the next idea holding it.
    const [lead, ...rest] = [...f.words].sort((a, b) => b.length - a.length);
    let i = from;
    for (; i < ideas.length && found.length < limit; i++) {
      if (lead) {
        const p = text.indexOf(lead, starts[i]);
        if (p === -1) return { found, next: ideas.length };
        while (starts[i + 1] <= p) i++;
      }
      if (passes(ideas[i], f, rest)) found.push(ideas[i]);
    }
    return { found, next: i };
  }
}
