// What "Apply" does with a finding.
//
// Design decision: the host's `suggestion` is advice for a person ("Say it
// without the figure: 'a strong lift in conversion', …", "Remove the
// number."), not a drop-in replacement. So the card offers concrete edits
// only where the text makes them unambiguous:
//   - `replacement` (a host field, if present): replace the span with it;
//   - each phrase the advice quotes ('…', "…", “…”, «…») is a candidate
//     safer wording: "Use “a strong lift in conversion”";
//   - always "Remove": delete the span, tidying the space or colon it leaves.
// Every button shows the exact words it will insert, so nothing surprising
// lands in the post, and the edit goes through the editor's undo stack.

const QUOTES = [
  /(?<![\p{L}\p{N}])'([^'\n]{2,80}?)'(?![\p{L}\p{N}])/gu, // 'a strong lift' (not the apostrophe of rival's)
  /"([^"\n]{2,80}?)"/gu,
  /“([^”\n]{2,80}?)”/gu,
  /«\s*([^»\n]{2,80}?)\s*»/gu,
];

/** Candidate safer wordings quoted in a suggestion, in order, without duplicates (max 3). */
export function quotedAlternatives(suggestion) {
  if (!suggestion) return [];
  const found = [];
  for (const re of QUOTES) {
    for (const m of suggestion.matchAll(re)) found.push({ at: m.index, text: m[1].trim() });
  }
  found.sort((a, b) => a.at - b.at);
  const out = [];
  for (const { text } of found) if (text && !out.includes(text) && !/@/.test(text)) out.push(text);
  return out.slice(0, 3);
}

/**
 * The edits offered for a finding.
 * @returns {{kind: 'replace'|'remove', text: string}[]}
 */
export function applyActions(finding) {
  const actions = [];
  if (typeof finding.replacement === 'string' && finding.replacement.trim()) {
    actions.push({ kind: 'replace', text: finding.replacement });
  }
  for (const alt of quotedAlternatives(finding.suggestion)) {
    if (!actions.some((a) => a.text === alt)) actions.push({ kind: 'replace', text: alt });
  }
  actions.push({ kind: 'remove', text: '' });
  return actions;
}

/**
 * The span to delete when removing [start, end) from `text`: also takes a
 * label's trailing colon and one of the spaces around it, so that
 * "Confidential: Project" becomes "Project" and "Project Falcon revenue"
 * becomes "Project revenue".
 * @returns {[number, number]}
 */
export function removalSpan(text, start, end) {
  let e = end;
  if (text[e] === ':') e += 1;
  if (text[e] === ' ' || text[e] === '\u00a0') return [start, e + 1];
  if (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\u00a0')) return [start - 1, e];
  return [start, e];
}
