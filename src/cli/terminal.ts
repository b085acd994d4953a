/**
 * Everything the CLI prints passes through here: text from seeds, feeds, file names and the
 * network can hold escape sequences that clear the screen, move the cursor or fake a line of
 * output. Control characters are shown as `\uXXXX` (the JSON escape, so `--json` output stays
 * valid JSON and means the same), never sent to the terminal.
 */

/**
 * C0 controls except tab and newline, DEL, C1 controls (U+009B starts an escape sequence on its
 * own), and the bidirectional overrides and isolates that reorder what is shown.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\uXXXX` for one character. */
function escaped(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character escaped; newlines and tabs are kept (the CLI's own layout). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * A value from outside (a file name, a feed title, a message quoting a feed) shown on one line:
 * control characters escaped, and newlines and tabs written as `\n` and `\t`, so the value cannot
 * start a line of its own ("All 99 feed(s) OK.").
 */
export function oneLine(text: string): string {
  return escapeControls(text).replace(/[\n\t]/g, (ch) => (ch === '\n' ? '\\n' : '\\t'));
}
