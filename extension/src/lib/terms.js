// Bulk term entry: people paste a column from a spreadsheet, a comma list or
// a mail. Split on lines, commas, semicolons and tabs; trim; collapse inner
// whitespace; drop duplicates case-insensitively keeping the first spelling.
export function parseTerms(text) {
  const seen = new Set();
  const out = [];
  for (const raw of text.split(/[\n\r,;\t]+/)) {
    const term = raw.trim().replace(/\s+/g, ' ');
    const key = term.toLowerCase();
    if (term && !seen.has(key)) {
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}
