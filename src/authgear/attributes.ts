/** A user attribute or claim value as text: Authgear's attribute objects are untyped JSON, and "" means unset. */
export const textAttr = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
