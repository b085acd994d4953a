/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is far cheaper than a replace that calls back for every match.
  return HTML_SPECIAL_TEST.test(text) ? text.replace(HTML_SPECIAL, escapeOne) : text;
}

const HTML_SPECIAL_TEST = /[&<>"]/;
const HTML_SPECIAL = /[&<>"]/g;
const escapeOne = (ch: string): string => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;');

/** An element's start tag written again from its name and attributes, each value escaped (`<a href="x?a=1&amp;b=2">`). */
export function startTagHtml(name: string, attributes: Record<string, string>): string {
  let text = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) text += ` ${key}="${escapeHtml(value)}"`;
  return `${text}>`;
}
