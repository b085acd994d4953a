/**
 * GeoRSS (georss.org): the Simple encoding (`georss:point`, `line`, `polygon`, `elev`, `floor`,
 * `radius`) and the GML encoding inside `georss:where` (`gml:Point/pos`, `gml:LineString/posList`,
 * `gml:Polygon/exterior/LinearRing/posList`, `gml:Envelope/lowerCorner|upperCorner`). Coordinates
 * are numbers separated by white space; a comma between latitude and longitude is read by most
 * consumers and only warned about, as the W3C validator does.
 */
import { trimWhitespace } from './html-canon.js';
import { childElements, textContent, type XmlElement } from './xml-check.js';
import type { ProblemLog } from './xml-rules.js';

/** The GeoRSS namespace. */
export const GEORSS_NS = 'http://www.georss.org/georss';
const GML_NS = 'http://www.opengis.net/gml';
const NUMBER = /^[-+]?\d+\.?\d*$/;
const INTEGER = /^[-+]?\d+$/;

/** Checks the GeoRSS elements among the children of `parent` (a channel, item, feed or entry). */
export function checkGeoRss(parent: XmlElement, path: string, log: ProblemLog): void {
  for (const child of parent.children) {
    if (child.kind !== 'element' || child.uri !== GEORSS_NS) continue;
    const at = `${path}.georss:${child.local}`;
    const value = trimWhitespace(textContent(child));
    if (child.local === 'point') coordinates(value, at, child, log, 'point');
    else if (child.local === 'line' || child.local === 'polygon') coordinates(value, at, child, log, 'list');
    else if (child.local === 'elev' && !NUMBER.test(value)) log.error(at, `expected an elevation in metres, found ${JSON.stringify(value)}`, child);
    else if (child.local === 'floor' && !INTEGER.test(value)) log.error(at, `expected a floor number, found ${JSON.stringify(value)}`, child);
    else if (child.local === 'radius' && !/^\+?\d+\.?\d*$/.test(value)) log.error(at, `expected a radius in metres, found ${JSON.stringify(value)}`, child);
    else if (child.local === 'where') where(child, at, log);
  }
}

/** The GML shapes `georss:where` may hold. */
function where(element: XmlElement, path: string, log: ProblemLog): void {
  const gml = (parent: XmlElement, local: string): XmlElement[] => childElements(parent, local, GML_NS);
  const text = (e: XmlElement): string => trimWhitespace(textContent(e));
  for (const point of gml(element, 'Point')) for (const pos of gml(point, 'pos')) coordinates(text(pos), `${path}.gml:pos`, pos, log, 'point');
  for (const line of gml(element, 'LineString')) for (const list of gml(line, 'posList')) coordinates(text(list), `${path}.gml:posList`, list, log, 'list');
  for (const polygon of gml(element, 'Polygon')) {
    for (const exterior of gml(polygon, 'exterior')) {
      for (const ring of gml(exterior, 'LinearRing')) for (const list of gml(ring, 'posList')) coordinates(text(list), `${path}.gml:posList`, list, log, 'list');
    }
  }
  for (const envelope of gml(element, 'Envelope')) {
    for (const corner of ['lowerCorner', 'upperCorner']) for (const pos of gml(envelope, corner)) coordinates(text(pos), `${path}.gml:${corner}`, pos, log, 'point');
  }
}

/** One `lat lon` pair (`point`), or a list of at least two pairs (`list`). */
function coordinates(value: string, path: string, at: XmlElement, log: ProblemLog, shape: 'point' | 'list'): void {
  const commas = value.includes(',');
  const numbers = value.split(/[\s,]+/).filter(Boolean);
  const pairs = numbers.length / 2;
  const shapeOk = shape === 'point' ? numbers.length === 2 : Number.isInteger(pairs) && pairs >= 2;
  if (!shapeOk || !numbers.every((n) => NUMBER.test(n))) {
    const wanted = shape === 'point' ? 'a latitude and a longitude such as "45.256 -71.92"' : 'two or more latitude and longitude pairs separated by spaces';
    log.error(path, `expected ${wanted}, found ${JSON.stringify(value)}`, at);
  } else if (commas) {
    log.warning(path, `coordinates are separated by spaces; found a comma in ${JSON.stringify(value)}`, at);
  }
}
