/**
 * Hides contact details in a citizen's comment before it is stored: e-mail
 * addresses and anything that reads as a phone number (seven or more digits,
 * with the usual separators, a leading + or 8). Feedback stays anonymous
 * even when the citizen writes their own number into it.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A run of digits broken only by spaces, dots, hyphens and brackets, optionally after a +.
const PHONE_CANDIDATE = /\+?\(?\d[\d\s().-]{5,}\d/g;

// A date such as 12.05.2026 or 2026-05-12 is no phone number.
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;

export const MASKED_EMAIL = '[e-mail]';
export const MASKED_PHONE = '[phone]';

export function maskContacts(text: string): string {
  return text.replace(EMAIL, MASKED_EMAIL).replace(PHONE_CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    return digits >= 7 && !DATE.test(match.trim()) ? MASKED_PHONE : match;
  });
}
