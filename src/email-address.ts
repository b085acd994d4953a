/** Something, "@", something: no white space, angle brackets or parentheses (what every feed format can carry). */
const EMAIL_ADDRESS = /^[^\s@<>()]+@[^\s@<>()]+$/;

/** Whether `text` has the shape of an email address, the one check every author and owner email passes. */
export function isEmailAddress(text: string): boolean {
  return EMAIL_ADDRESS.test(text);
}
