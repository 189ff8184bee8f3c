// Relative links in Markdown, and whether they resolve within a set of shipped files. Shared by
// scripts/check-pack.mjs (the npm tarball) and scripts/package.mjs (the release zip).
import { posix } from 'node:path';

/** Link targets in Markdown outside code: [text](target "title"), ![alt](target), <img src>, <a href>. */
export function links(markdown) {
  const prose = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '') // fenced code blocks
    .replace(/(`+)[\s\S]*?\1/g, ''); // inline code
  const found = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push(m[1]);
  for (const m of prose.matchAll(/<(?:img|a|source)\b[^>]*?\s(?:src|href)=["']([^"']+)["']/gi)) found.push(m[1]);
  return found;
}

/**
 * Problems with the relative links of the Markdown file `doc` (a path inside the shipped set).
 * @param {string} doc @param {string} text @param {Set<string>} shipped paths with '/'
 * @returns {{ checked: number, problems: string[] }}
 */
export function brokenLinks(doc, text, shipped) {
  const problems = [];
  let checked = 0;
  for (const link of links(text)) {
    if (/^[a-z][a-z\d+.-]*:/i.test(link) || link.startsWith('#')) continue; // absolute URL or same-page anchor
    checked++;
    if (link.startsWith('/')) {
      problems.push(`${doc}: "${link}" is root-relative, which points nowhere outside the site`);
      continue;
    }
    const path = posix.normalize(posix.join(posix.dirname(doc), decodeURI(link.replace(/[#?].*$/, ''))));
    const dir = `${path.replace(/\/$/, '')}/`;
    if (path.startsWith('../')) problems.push(`${doc}: "${link}" points outside`);
    else if (!shipped.has(path) && ![...shipped].some((f) => f.startsWith(dir)))
      problems.push(`${doc}: "${link}" → ${path} is not shipped`);
  }
  return { checked, problems };
}
