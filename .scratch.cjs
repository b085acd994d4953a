const t0 = performance.now();
const which = process.argv[2];
const n = require(which);
const t1 = performance.now();
const m = n.model();
console.log(which, 'require ms', (t1 - t0).toFixed(1), 'model', (performance.now()-t1).toFixed(1), Object.keys(m.one.lexicon||{}).length);
