import { describe, expect, it } from 'vitest';
import { ghostVisitorHtml } from '../../src/seed/ghost-visitor-html.js';
import { costGrowth } from '../support/linear.js';

const gated = (settings: string, content: string) => `<!--kg-gated-block:begin ${settings}-->${content}<!--kg-gated-block:end-->`;

describe('what a Ghost post shows a visitor', () => {
  it('is the whole of a public post', () => {
    const html = '<p>Open to all.</p><!--members-only--><p>Still open: the paywall card counts only in a post for members.</p>';
    expect(ghostVisitorHtml(html, 'public')).toBe(html);
    expect(ghostVisitorHtml(html, undefined)).toBe(html);
  });

  it('is the part before the paywall card of a post for members, else nothing', () => {
    const html = '<p>The free part.</p><!--members-only--><p>The paid part.</p>';
    for (const visibility of ['members', 'paid', 'tiers', 'status:-free']) expect(ghostVisitorHtml(html, visibility), visibility).toBe('<p>The free part.</p>');
    expect(ghostVisitorHtml('<p>All for members.</p>', 'paid')).toBeUndefined();
    expect(ghostVisitorHtml('\n<!--members-only--><p>All for members.</p>', 'members')).toBeUndefined();
    // A paywall card after an empty paragraph or a divider: nothing a visitor reads comes before it.
    expect(ghostVisitorHtml('<p></p><hr><!--members-only--><p>All for members.</p>', 'members')).toBeUndefined();
    expect(ghostVisitorHtml('<p> </p><p>A</p><!--members-only-->x', 'members')).toBe('<p> </p><p>A</p>');
  });

  it('leaves out the blocks shown only to members, and keeps those shown to visitors without their marks', () => {
    const html = `<p>Intro.</p>${gated('nonMember:false memberSegment:"status:free,status:-free"', '<p>Your code: SAVE50.</p>')}${gated('nonMember:true memberSegment:""', '<p>Sign up for a code.</p>')}${gated("nonMember:'true'", '<p>Quoted.</p>')}<p>End.</p>`;
    expect(ghostVisitorHtml(html, 'public')).toBe('<p>Intro.</p><p>Sign up for a code.</p><p>Quoted.</p><p>End.</p>');
    // In a post for members, only in the part before the paywall card.
    expect(ghostVisitorHtml(`${gated('nonMember:false', '<p>Hidden.</p>')}<p>Free.</p><!--members-only-->${gated('nonMember:true', '<p>After.</p>')}`, 'paid')).toBe(
      '<p>Free.</p>',
    );
    // A block never ended is none, as Ghost reads it.
    expect(ghostVisitorHtml('<p>a</p><!--kg-gated-block:begin nonMember:false--><p>b</p>', 'public')).toBe('<p>a</p><!--kg-gated-block:begin nonMember:false--><p>b</p>');
  });

  it('tells an empty part before the paywall in time linear in it, however its tags run', async () => {
    const growth = await costGrowth((n) => ghostVisitorHtml(`${'<'.repeat(n)}<!--members-only-->x`, 'members'), 100_000, 1_000_000, 2.5);
    expect(growth).toBeLessThan(2.5);
  });

  it('is read in time linear in the HTML, however many blocks begin and never end', async () => {
    const shapes = [
      (n: number) => '<!--kg-gated-block:begin nonMember:false-->'.repeat(n),
      (n: number) => `${'<!--kg-gated-block:begin '.repeat(n)}`,
      (n: number) => gated('nonMember:false', '<p>x</p>').repeat(n),
    ];
    for (const shape of shapes) expect(await costGrowth((n) => ghostVisitorHtml(shape(n), 'public'), 2_000, 20_000, 4)).toBeLessThan(4);
  });
});
