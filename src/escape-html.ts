/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is far cheaper than a replace that calls back for every match.
  return HTML_SPECIAL_TEST.test(text) ? text.replace(HTML_SPECIAL, escapeOne) : text;
}

const HTML_SPECIAL_TEST = /[&<>"]/;
const HTML_SPECIAL = /[&<>"]/g;
const escapeOne = (ch: string): string => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;');
