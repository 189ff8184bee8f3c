/**
 * Text from bytes: the declared charset, else UTF-8, else Windows-1252 (what Excel writes in
 * Germany when a spreadsheet is saved as CSV) instead of replacement characters.
 */
export function decodeBody(bytes: ArrayBuffer, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: fall through to detection
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
