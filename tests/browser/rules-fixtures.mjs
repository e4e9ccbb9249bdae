// Rule catalogues written for the browser tests of "Load rules…" (the page and the extension's
// options page): a user's catalogue with one rule of the existing kind "phrase", and a bad one.

// One phrase rule of the user's own; `message` is its template (a test may put markup in it,
// which must stay text).
export function userCatalogue(message = '"{claim}" is {label}: give the number') {
  return JSON.stringify({
    rules: [{
      id: 'VAGUE_QUANTITY', kind: 'phrase', severity: 'warning', message,
      description: 'A quantity without a number.', params: { groups: [{ label: 'a vague quantity', phrases: ['a number of', 'scores of'] }] },
    }],
  }, null, 1);
}

// A bad one: a phrase group with a key the kind does not take (docs/ERRORS.md, rules_params). The
// error's place is the unknown key's opening quote: line 3, BAD_RULES_COLUMN.
const BAD_RULES_LINES = [
  '{"rules": [',
  ' {"id": "MY_RULE", "kind": "phrase", "severity": "info", "message": "{claim}", "description": "d",',
  '  "params": {"groups": [{"label": "x", "phrases": ["a number of"], "lexicon": "hedges"}]}}',
  ']}',
];
export const BAD_RULES = BAD_RULES_LINES.join('\n');
export const BAD_RULES_COLUMN = BAD_RULES_LINES[2].indexOf('"lexicon"') + 1;
