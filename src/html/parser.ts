/**
 * A streaming HTML tokenizer with htmlparser2's callback interface and its HTML-mode behaviour,
 * event for event: the same tags, implied closes (`<p>` closes an open `<p>`, `<li>` an `<li>`, …),
 * void elements, raw-text elements (`script`, `style`, `textarea`; `title` decodes references),
 * comments, declarations and the same recovery from broken markup. `tests/html/parser.test.ts`
 * checks that against htmlparser2 itself on generated HTML.
 *
 * Why our own: the root entry point sanitizes and reads the HTML of plain items, and htmlparser2's
 * only public entry also loads its DOM builder and the `entities` decoding trie (about 20 ms at
 * import, more than `feed` itself). This module and its reference table (read on first use) cost
 * well under a millisecond. htmlparser2 stays the verifier's parser, so the checker shares no
 * parsing code with what it checks.
 */
import { decodeReferences, readReference } from './entities.js';

/** What the parser reports. */
export interface HtmlHandler {
  /** An element's start tag, after its attributes (first of each name kept); `isImplied` for `</p>` and `</br>` read as tags. */
  onopentag?(name: string, attributes: Record<string, string>, isImplied: boolean): void;
  /** An element ends: its end tag, or `isImplied` when another tag, the end of input or a void element closes it. */
  onclosetag?(name: string, isImplied: boolean): void;
  /** Text, in one or more pieces. */
  ontext?(text: string): void;
}

/** Parser options, with htmlparser2's names and HTML-mode defaults. */
export interface HtmlParserOptions {
  /** Decode character references in text and attribute values (default true). */
  decodeEntities?: boolean;
  /** Lower-case tag names (default true). */
  lowerCaseTags?: boolean;
  /** Lower-case attribute names (default true). */
  lowerCaseAttributeNames?: boolean;
  /** Let `<x/>` close any element, not only inside `<svg>` and `<math>` (default false). */
  recognizeSelfClosing?: boolean;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/**
 * Open elements a start tag closes first (htmlparser2's table): `tags:closed` pairs, the tags
 * separated by commas and the elements they close by spaces.
 */
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  'tr:tr th td;th:th;td:thead th td;body:head link script;li:li;option:option;optgroup:optgroup option;dd,dt:dd dt;rt,rp:rt rp;tbody,tfoot:thead tbody;select,input,output,button,datalist,textarea:input option optgroup select button datalist textarea;p,h1,h2,h3,h4,h5,h6,address,article,aside,blockquote,details,div,dl,fieldset,figcaption,figure,footer,form,header,hr,main,nav,ol,pre,section,table,ul:p'
    .split(';')
    .flatMap((rule) => {
      const [tags = '', closed = ''] = rule.split(':');
      const set = words(closed);
      return tags.split(',').map((tag): [string, ReadonlySet<string>] => [tag, set]);
    }),
);

/** Elements without content or end tag. */
const VOID_ELEMENTS = words('area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr');

/** Whether an element (lower-case name) is void: no content, no end tag; the parser reports its end with its start. */
export function isVoidElement(name: string): boolean {
  return VOID_ELEMENTS.has(name);
}
const FOREIGN_ELEMENTS = words('math svg');
const HTML_INTEGRATION_ELEMENTS = words('mi mo mn ms mtext annotation-xml foreignobject desc title');

/** Elements whose content is read as text up to their own end tag; only `title`'s decodes references. */
const RAW_TEXT_ELEMENTS = words('script style title textarea');

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const CDATA = 'CDATA[';
/** `declaration` results: the input ended inside a comment or CDATA section (nothing is reported), or inside a declaration (its text is). */
const UNFINISHED_COMMENT = -1;
const UNFINISHED_DECLARATION = -2;

const isWhitespace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
const isEndOfTagSection = (c: number): boolean => c === SLASH || c === GT || isWhitespace(c);
const isAsciiAlpha = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * Parses HTML fragments with htmlparser2's `Parser` interface (`write`, `end`, `endIndex`). The
 * whole input is read when `end` is called: storyfeed always has the complete fragment.
 */
export class Parser {
  /** Index of the last character of the token being reported (htmlparser2's `endIndex`). */
  endIndex = 0;
  private startIndex = 0;
  private input = '';
  private readonly stack: string[] = [];
  /** Whether `<x/>` self-closes here: inside `<svg>`/`<math>`, not inside their HTML islands. */
  private readonly foreign: boolean[] = [false];
  private readonly decodeEntities: boolean;
  private readonly lowerCaseTags: boolean;
  private readonly lowerCaseAttributeNames: boolean;
  private readonly recognizeSelfClosing: boolean;

  /** A parser reporting to `handler`. */
  constructor(
    private readonly handler: HtmlHandler,
    options: HtmlParserOptions = {},
  ) {
    this.decodeEntities = options.decodeEntities ?? true;
    this.lowerCaseTags = options.lowerCaseTags ?? true;
    this.lowerCaseAttributeNames = options.lowerCaseAttributeNames ?? true;
    this.recognizeSelfClosing = options.recognizeSelfClosing ?? false;
  }

  /** Adds input. */
  write(chunk: string): void {
    this.input += chunk;
  }

  /** Adds the last input (if any), parses everything and closes the elements left open. */
  end(chunk?: string): void {
    if (chunk) this.input += chunk;
    this.parse(this.input);
    this.endIndex = this.startIndex;
    const stack = this.stack;
    for (let i = stack.length - 1; i >= 0; i--) this.handler.onclosetag?.(stack[i] as string, true);
    stack.length = 0;
  }

  private text(text: string, endIndex: number): void {
    if (!text) return;
    this.endIndex = endIndex - 1;
    this.handler.ontext?.(text);
    this.startIndex = endIndex;
  }

  /**
   * Text from `from` to `to`, references decoded when `decode`. Decoding the slice alone reads the
   * same references as decoding in place: the text ends before a `<` or at the end of input, which
   * no reference reads past.
   */
  private emitText(html: string, from: number, to: number, decode: boolean): void {
    if (from >= to) return;
    const text = html.slice(from, to);
    this.text(decode && this.decodeEntities ? decodeReferences(text, 'text') : text, to);
  }

  private openTag(name: string): void {
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    const stack = this.stack;
    if (implied) {
      // Popped before the call: `onclosetag?.(stack.pop())` would skip the pop with no handler, and loop for ever.
      while (stack.length > 0 && implied.has(stack[stack.length - 1] as string)) {
        const closed = stack.pop() as string;
        this.handler.onclosetag?.(closed, true);
      }
    }
    if (!VOID_ELEMENTS.has(name)) {
      stack.push(name);
      if (FOREIGN_ELEMENTS.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(false);
    }
  }

  /** Reports a start tag whose attributes are read; a void element closes at once. */
  private endOpenTag(name: string, attributes: Record<string, string>, isImplied: boolean): void {
    this.handler.onopentag?.(name, attributes, isImplied);
    if (VOID_ELEMENTS.has(name)) this.handler.onclosetag?.(name, true);
  }

  private closeTag(rawName: string): void {
    const name = this.lowerCaseTags ? rawName.toLowerCase() : rawName;
    if (FOREIGN_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.pop();
    const stack = this.stack;
    if (!VOID_ELEMENTS.has(name)) {
      const at = stack.lastIndexOf(name);
      if (at !== -1) {
        while (stack.length > at) {
          const element = stack.pop() as string;
          this.handler.onclosetag?.(element, stack.length !== at);
        }
      } else if (name === 'p') {
        // A stray `</p>` is an empty paragraph.
        this.openTag('p');
        this.handler.onopentag?.('p', {}, true);
        if (stack[stack.length - 1] === 'p') {
          this.handler.onclosetag?.('p', false);
          stack.pop();
        }
      }
    } else if (name === 'br') {
      this.handler.onopentag?.('br', {}, true);
      this.handler.onclosetag?.('br', false);
    }
  }

  private parse(html: string): void {
    const length = html.length;
    /** Start of the text not yet reported. */
    let section = 0;
    let i = 0;
    while (i < length) {
      // Text up to the next `<`; references are decoded when the text is reported.
      const lt = html.indexOf('<', i);
      if (lt < 0) break;
      const c = html.charCodeAt(lt + 1);
      if (lt + 1 >= length) {
        i = length;
        break;
      }
      if (c === 33 /* ! */) {
        this.emitText(html, section, lt, true);
        const end = this.declaration(html, lt);
        if (end === UNFINISHED_COMMENT) {
          // htmlparser2 reports a non-empty rest as a comment, then moves past it.
          if ((html.startsWith('<!--', lt) ? lt + 4 : lt + 2 + CDATA.length + 1) < length) {
            this.endIndex = length;
            this.startIndex = length + 1;
          }
          return;
        }
        if (end === UNFINISHED_DECLARATION) return this.emitText(html, lt + 2, length, false);
        this.endIndex = end;
        section = i = end + 1;
        this.startIndex = section;
        continue;
      }
      if (c === 63 /* ? */) {
        this.emitText(html, section, lt, true);
        const gt = html.indexOf('>', lt + 2);
        if (gt < 0) return this.emitText(html, lt + 2, length, false);
        this.endIndex = gt;
        section = i = gt + 1;
        this.startIndex = section;
        continue;
      }
      if (c === SLASH) {
        let j = lt + 2;
        while (j < length && isWhitespace(html.charCodeAt(j))) j++;
        if (j >= length) {
          this.emitText(html, section, lt, true);
          return this.emitText(html, lt, length, false);
        }
        const first = html.charCodeAt(j);
        if (first === GT) {
          // `</>` stays in the text.
          i = j + 1;
          continue;
        }
        this.emitText(html, section, lt, true);
        if (!isAsciiAlpha(first)) {
          // A bogus comment, up to the next `>`.
          const gt = html.indexOf('>', j + 1);
          if (gt < 0) return this.emitText(html, j, length, false);
          this.endIndex = gt;
          section = i = gt + 1;
          this.startIndex = section;
          continue;
        }
        let k = j;
        while (k < length && html.charCodeAt(k) !== GT && !isWhitespace(html.charCodeAt(k))) k++;
        if (k >= length) return; // an unfinished end tag is dropped
        this.endIndex = k;
        this.closeTag(html.slice(j, k));
        this.startIndex = k + 1;
        const gt = html.charCodeAt(k) === GT ? k : html.indexOf('>', k + 1);
        // No `>`: htmlparser2 reports the last character as text.
        if (gt < 0) return this.emitText(html, length - 1, length, false);
        section = i = gt + 1;
        continue;
      }
      if (!isAsciiAlpha(c)) {
        // `<` not starting a tag is text.
        i = lt + 1;
        continue;
      }
      this.emitText(html, section, lt, true);
      const end = this.startTag(html, lt);
      if (end < 0) return;
      section = i = end;
    }
    this.emitText(html, section, length, true);
  }

  /**
   * Skips a comment, CDATA section or declaration starting at `<!`: the index of its final `>`, or
   * {@link UNFINISHED_COMMENT} / {@link UNFINISHED_DECLARATION} when the input ends first.
   */
  private declaration(html: string, lt: number): number {
    const start = lt + 2;
    if (start >= html.length) return UNFINISHED_DECLARATION;
    const c = html.charCodeAt(start);
    if (c === 45 /* - */) {
      if (start + 1 >= html.length) return UNFINISHED_DECLARATION;
      if (html.charCodeAt(start + 1) === 45) {
        // A comment ends at `-->`, where the `--` may be the opening one (`<!-->`).
        const close = html.indexOf('-->', start);
        return close < 0 ? UNFINISHED_COMMENT : close + 2;
      }
      // `<!-x`: a declaration; the character after `<!-` is skipped even when it is `>`.
      const gt = html.indexOf('>', start + 2);
      return gt < 0 ? UNFINISHED_DECLARATION : gt;
    }
    if (c === 91 /* [ */) {
      let k = start + 1;
      while (k < html.length && k - start - 1 < CDATA.length && html.charCodeAt(k) === CDATA.charCodeAt(k - start - 1)) k++;
      if (k - start - 1 === CDATA.length) {
        const close = html.indexOf(']]>', k);
        return close < 0 ? UNFINISHED_COMMENT : close + 2;
      }
      // Not CDATA: a declaration from the first character that differs.
      const gt = k < html.length ? html.indexOf('>', k) : -1;
      return gt < 0 ? UNFINISHED_DECLARATION : gt;
    }
    // The character after `<!` is skipped even when it is `>`.
    const gt = html.indexOf('>', start + 1);
    return gt < 0 ? UNFINISHED_DECLARATION : gt;
  }

  /** Reads a start tag at `<` (`html[lt + 1]` is a letter); the index after it, or -1 when the input ends inside it. */
  private startTag(html: string, lt: number): number {
    const length = html.length;
    let i = lt + 1;
    while (i < length && !isEndOfTagSection(html.charCodeAt(i))) i++;
    if (i >= length) {
      // htmlparser2 reports an unfinished name that could still become a raw-text element's as text.
      const partial = html.slice(lt + 1).toLowerCase();
      if ([...RAW_TEXT_ELEMENTS].some((element) => element.startsWith(partial))) this.emitText(html, lt + 1, length, false);
      return -1;
    }
    const rawName = html.slice(lt + 1, i);
    const name = this.lowerCaseTags ? rawName.toLowerCase() : rawName;
    const rawText = RAW_TEXT_ELEMENTS.has(rawName.toLowerCase());
    this.endIndex = i;
    const openTagStart = this.startIndex;
    this.openTag(name);
    const attributes: Record<string, string> = {};
    const handler = this.handler;
    for (;;) {
      // Before an attribute name.
      while (i < length && isWhitespace(html.charCodeAt(i))) i++;
      if (i >= length) return -1;
      let c = html.charCodeAt(i);
      if (c === GT) {
        this.endIndex = i;
        this.startIndex = openTagStart;
        this.endOpenTag(name, attributes, false);
        this.startIndex = i + 1;
        return rawText ? this.rawText(html, i + 1, rawName.toLowerCase()) : i + 1;
      }
      if (c === SLASH) {
        // Self-closing: `/` then (after white space) `>`; anything else starts an attribute.
        i++;
        while (i < length && isWhitespace(html.charCodeAt(i))) i++;
        // Input ending after the `/`: htmlparser2 reports its last character as text.
        if (i >= length) {
          this.emitText(html, length - 1, length, false);
          return -1;
        }
        if (html.charCodeAt(i) !== GT) continue;
        this.endIndex = i;
        this.startIndex = openTagStart;
        if (this.recognizeSelfClosing || this.foreign[this.foreign.length - 1]) {
          this.endOpenTag(name, attributes, false);
          if (this.stack[this.stack.length - 1] === name) {
            handler.onclosetag?.(name, true);
            this.stack.pop();
          }
        } else this.endOpenTag(name, attributes, false);
        this.startIndex = i + 1;
        return i + 1;
      }
      // An attribute name: its first character is taken as is (even `=`).
      const nameStart = i;
      i++;
      while (i < length && (c = html.charCodeAt(i)) !== EQ && !isEndOfTagSection(c)) i++;
      if (i >= length) return -1;
      this.startIndex = nameStart;
      const rawAttribute = html.slice(nameStart, i);
      const attribute = this.lowerCaseAttributeNames ? rawAttribute.toLowerCase() : rawAttribute;
      while (i < length && isWhitespace(html.charCodeAt(i))) i++;
      if (i >= length) return -1;
      let value = '';
      if (html.charCodeAt(i) === EQ) {
        i++;
        while (i < length && isWhitespace(html.charCodeAt(i))) i++;
        if (i >= length) return -1;
        const quote = html.charCodeAt(i);
        if (quote === 34 || quote === 39) {
          const close = html.indexOf(quote === 34 ? '"' : "'", i + 1);
          if (close < 0) return -1;
          value = this.attributeValue(html, i + 1, close);
          i = close + 1;
        } else {
          let end = i;
          while (end < length && !isWhitespace((c = html.charCodeAt(end))) && c !== GT) end++;
          if (end >= length) return -1;
          value = this.attributeValue(html, i, end);
          i = end;
        }
      }
      if (!Object.hasOwn(attributes, attribute)) attributes[attribute] = value;
    }
  }

  /** An attribute value from `from` to `to` (it ends before a quote, white space or `>`, which no reference reads past), references decoded. */
  private attributeValue(html: string, from: number, to: number): string {
    const value = html.slice(from, to);
    return this.decodeEntities ? decodeReferences(value, 'attribute') : value;
  }

  /**
   * The content of a raw-text element from `from` up to its end tag (`</name` then `>` or white
   * space, any case), reported as text and then the end tag; the index after that end tag. The scan
   * is htmlparser2's, character for character (it compares each character OR 0x20 with the end tag's).
   */
  private rawText(html: string, from: number, name: string): number {
    const length = html.length;
    const sequence = `</${name}`;
    // Only `title` decodes references, and only where no end tag has begun to match.
    const decode = name === 'title' && this.decodeEntities;
    let decoded = '';
    let copied = from;
    const textUpTo = (end: number): string => decoded + html.slice(copied, end);
    let matched = 0;
    for (let i = from; i < length; i++) {
      const c = html.charCodeAt(i);
      if (matched === sequence.length) {
        if (c === GT || isWhitespace(c)) {
          const endOfText = i - sequence.length;
          if (endOfText > from) this.text(textUpTo(endOfText), endOfText);
          this.endIndex = i;
          this.closeTag(html.slice(endOfText + 2, i));
          this.startIndex = i + 1;
          const gt = c === GT ? i : html.indexOf('>', i + 1);
          if (gt < 0) {
            this.emitText(html, length - 1, length, false);
            return length;
          }
          return gt + 1;
        }
        matched = 0;
      }
      if ((c | 0x20) === sequence.charCodeAt(matched)) matched++;
      else if (matched === 0) {
        if (name !== 'title') {
          const lt = html.indexOf('<', i + 1);
          if (lt < 0) break;
          i = lt;
          matched = 1;
        } else if (decode && c === 38 /* & */) {
          const reference = readReference(html, i, 'text');
          if (reference) {
            decoded += html.slice(copied, i) + reference.text;
            copied = reference.end;
            i = reference.end - 1;
          }
        }
      } else matched = c === LT ? 1 : 0;
    }
    if (length > from) this.text(textUpTo(length), length);
    return length;
  }
}
