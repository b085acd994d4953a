import { unpack } from 'efrt';
let t = performance.now();
const { default: data } = await import('./node_modules/compromise/src/2-two/preTagger/model/lexicon/_data.js');
console.log('import data', performance.now() - t);
t = performance.now();
let n = 0; const out = {};
for (const [tag, packed] of Object.entries(data)) { const o = unpack(packed); for (const w of Object.keys(o)) { out[w] = tag; n++; } }
console.log('unpack lexicon', performance.now() - t, n);
t = performance.now();
const { default: wp } = await import('./node_modules/compromise-wikipedia/src/_model.js');
console.log('import wp', performance.now() - t);
t = performance.now();
const list = Object.keys(unpack(wp));
console.log('unpack wp', performance.now() - t, list.length, list.slice(0, 20), list.filter(x => /putin|zelensk|rutte|trump|connolly|kim jong/.test(x)));
