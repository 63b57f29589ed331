import type { SekoiaProfile } from '../sekoia/profile-schema.ts';

const NAME_MAX = 128;

/** Controls and bidi overrides would hide or reorder what the user is shown. */
function clean(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, NAME_MAX);
}

/** Who a key is in Sekoia.io, in a few words: name, else email, else its uuid (plain text, unescaped). */
export function describeProfile(profile: SekoiaProfile): string {
  const fullName = clean([profile.firstname, profile.lastname].filter(Boolean).join(' '));
  return (
    clean(profile.name) || fullName || clean(profile.email) || clean(profile.uuid) || 'an unnamed API key'
  );
}
