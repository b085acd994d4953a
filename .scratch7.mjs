import { unpack } from 'efrt';
import data from './node_modules/compromise/src/2-two/preTagger/model/lexicon/_data.js';
const lex = {};
for (const [tag, packed] of Object.entries(data)) for (const w of Object.keys(unpack(packed))) (lex[w] ??= []).push(tag);
for (const w of 'volodymyr gerry dmytro hanno ivan maria erik ruben rodrigo cecilie carole nicola ricardo guilherme luiz sebastiao mohamed aden dave roger jenny kazuo naomi katsunobu sanjiv rekha anko turkka sabine markus andreas maximo aurora steven michel sylvie donald vladimir olena ihor scandinavia baltic roman polish english turkish jupiter earth wales ukraine kyiv kharkiv odesa coach striker spokesman strategist official officials minister premier governor justice congressman controller farmer lawyer chairman executive miner carrier broadcaster operator daily newspaper agency rival who reuters times post chief head general secretary deputy former acting vice prime'.split(' ')) console.log(w, JSON.stringify(lex[w]));
