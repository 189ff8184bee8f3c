// The text of dist/THIRD-PARTY-NOTICES.txt, from rollup-plugin-license's dependency records
// (package.json fields and the package's LICENSE/NOTICE file). Sorted, so the same
// dependencies always give the same bytes (the release zips are reproducible).
const rule = '='.repeat(78);

/** @param {{name: string, version: string, license: string, homepage?: string|null, repository?: any, licenseText?: string|null, noticeText?: string|null}[]} deps */
export function noticesText(deps) {
  const sorted = [...deps].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
  const url = (d) => d.homepage || (typeof d.repository === 'string' ? d.repository : d.repository?.url) || '';
  const head = [
    'Third-party software in stadttraum / Software Dritter in stadttraum',
    '',
    'stadttraum itself is under the MIT License (see LICENSE). The script-tag build',
    '(stadttraum.js, chunks/, the feed checker) bundles the packages below; their',
    'licences require that these notices travel with the code.',
    'stadttraum selbst steht unter der MIT-Lizenz (siehe LICENSE). Die Skript-Dateien',
    'enthalten die folgenden Pakete; deren Lizenzen verlangen, diese Hinweise mitzugeben.',
    '',
    ...sorted.map((d) => `  ${d.name} ${d.version}  (${d.license})`),
  ];
  const body = sorted.map((d) =>
    [
      rule,
      `${d.name} ${d.version}`,
      `License: ${d.license}`,
      url(d) ? `Source: ${url(d).replace(/^git\+/, '')}` : null,
      '',
      (d.licenseText ?? `(no licence file in the package; its package.json says ${d.license})`).trim(),
      d.noticeText ? `\n${d.noticeText.trim()}` : null,
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
  return [...head, '', ...body, ''].join('\n');
}
