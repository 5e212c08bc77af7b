/** A user attribute or claim value as text: Authgear's attribute objects are untyped JSON, and "" means unset. */
export const textAttr = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The claims a login ID identity carries: which login ID key it is (`email`, `phone`, `username`) and its value. */
export const LOGIN_ID_KEY_CLAIM = 'https://authgear.com/claims/login_id/key';
export const LOGIN_ID_VALUE_CLAIM = 'https://authgear.com/claims/login_id/value';
