import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../src/email-address.js';

describe('isEmailAddress', () => {
  it.each(['desk@news.example.com', 'a@b', 'o.brien+feeds@example.org'])('takes %s', (text) => {
    expect(isEmailAddress(text)).toBe(true);
  });

  it.each(['', 'desk', '@example.com', 'desk@', 'two@at@example.com', 'a b@example.com', '<desk@example.com>', 'desk@example.com (Desk)'])('refuses %j', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });
});
