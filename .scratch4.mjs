import { unpack } from 'efrt';
import wp from './node_modules/compromise-wikipedia/src/_model.js';
import data from './node_modules/compromise/src/2-two/preTagger/model/lexicon/_data.js';
function fromAlpha(s) {
  let n = 0, places = 1, range = 36, pow = 1;
  for (; places < s.length; n += range, places++, range *= 36) {}
  for (let i = s.length - 1; i >= 0; i--, pow *= 36) { let d = s.charCodeAt(i) - 48; if (d > 10) d -= 7; n += d * pow; }
  return n;
}
function decode(packed, visit) {
  const nodes = packed.split(';');
  const syms = [];
  let symCount = 0;
  const re = /^([0-9A-Z]+):([0-9A-Z]+)$/;
  for (; symCount < nodes.length; symCount++) { const m = re.exec(nodes[symCount]); if (!m) break; syms[fromAlpha(m[1])] = fromAlpha(m[2]); }
  const parsed = new Array(nodes.length - symCount);
  const parse = (i) => {
    let node = nodes[i + symCount];
    let term = false;
    if (node[0] === '!') { term = true; node = node.slice(1); }
    const parts = node.split(/([A-Z0-9,]+)/g);
    const strs = [], refs = [];
    for (let k = 0; k < parts.length; k += 2) {
      const str = parts[k]; const ref = parts[k + 1];
      if (!str) continue;
      strs.push(str);
      if (ref === ',' || ref === undefined) refs.push(-1);
      else { const d = fromAlpha(ref); refs.push(d < symCount ? syms[d] : i + d + 1 - symCount); }
    }
    return parsed[i] = { term, strs, refs };
  };
  const crawl = (i, pref) => {
    const p = parsed[i] ?? parse(i);
    if (p.term) visit(pref);
    for (let k = 0; k < p.strs.length; k++) { const have = pref + p.strs[k]; const r = p.refs[k]; if (r < 0) visit(have); else crawl(r, have); }
  };
  crawl(0, '');
}
// note: efrt splits node string on ref regex including commas; "a,b" -> 'a' ',' 'b'
let t = performance.now();
const out = []; decode(wp.slice(wp.indexOf('¦') + 1), (w) => out.push(w));
console.log('custom wp', performance.now() - t, out.length);
t = performance.now();
const ref = Object.keys(unpack(wp));
console.log('efrt wp', performance.now() - t, ref.length);
const a = new Set(out); console.log('same', ref.every(x => a.has(x)) && a.size === ref.length);
t = performance.now();
let n = 0; const lex = new Map();
for (const [tag, packed] of Object.entries(data)) { for (const seg of packed.split('|')) { const s = seg.slice(seg.indexOf('¦') + 1); decode(s, (w) => { lex.set(w, tag); n++; }); } }
console.log('custom lex', performance.now() - t, n);
t = performance.now();
let m = 0; const lex2 = new Map();
for (const [tag, packed] of Object.entries(data)) { for (const w of Object.keys(unpack(packed))) { lex2.set(w, tag); m++; } }
console.log('efrt lex', performance.now() - t, m, [...lex2].every(([k, v]) => lex.get(k) === v));
