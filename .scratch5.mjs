import wp from './node_modules/compromise-wikipedia/src/_model.js';
import data from './node_modules/compromise/src/2-two/preTagger/model/lexicon/_data.js';
import { unpack } from 'efrt';
let t0 = performance.now();
const first = new Set();
for (const tag of ['FirstName', 'MaleName', 'FemaleName']) for (const w of Object.keys(unpack(data[tag]))) first.add(w);
console.log('names', first.size, performance.now() - t0);
function fromAlpha(s) {
  let n = 0, places = 1, range = 36, pow = 1;
  for (; places < s.length; n += range, places++, range *= 36) {}
  for (let i = s.length - 1; i >= 0; i--, pow *= 36) { let d = s.charCodeAt(i) - 48; if (d > 10) d -= 7; n += d * pow; }
  return n;
}
function decodePruned(packed, accept, visit) {
  const nodes = packed.split(';');
  const syms = [];
  let symCount = 0;
  const re = /^([0-9A-Z]+):([0-9A-Z]+)$/;
  for (; symCount < nodes.length; symCount++) { const m = re.exec(nodes[symCount]); if (!m) break; syms[fromAlpha(m[1])] = fromAlpha(m[2]); }
  const parsed = [];
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
  const crawl = (i, pref) => { globalThis.calls = (globalThis.calls||0)+1;
    const p = parsed[i] ?? parse(i);
    if (p.term) visit(pref);
    for (let k = 0; k < p.strs.length; k++) { const have = pref + p.strs[k]; if (!accept(have)) continue; const r = p.refs[k]; if (r < 0) visit(have); else crawl(r, have); }
  };
  crawl(0, '');
}
const accept = (s) => {
  const sp = s.indexOf(' ');
  if (sp < 0) {
    // first token incomplete: could still be a prefix of a name; keep
    return true;
  }
  if (!first.has(s.slice(0, sp))) return false;
  let c = 0; for (let i = sp; i < s.length; i++) if (s.charCodeAt(i) === 32) c++;
  return c <= 2;
};
let t = performance.now();
const out = [];
decodePruned(wp.slice(wp.indexOf('¦') + 1), accept, (w) => { if (w.includes(' ')) out.push(w); });
console.log('pruned', performance.now() - t, out.length, out.slice(0, 10), out.filter(x => x.endsWith(' putin')));
t = performance.now();
const out2 = [];
decodePruned(wp.slice(wp.indexOf('¦') + 1), accept, (w) => { if (w.includes(' ')) out2.push(w); });
console.log('pruned warm', performance.now() - t);
{
  const packed = wp.slice(wp.indexOf('¦') + 1);
  let t = performance.now();
  const nodes = packed.split(';');
  console.log('nodes', nodes.length, performance.now() - t);
  t = performance.now();
  let parts = 0;
  for (const n of nodes) parts += n.split(/([A-Z0-9,]+)/g).length;
  console.log('split all', parts, performance.now() - t);
}
console.log("calls", globalThis.calls)
