/**
 * What the bot knows about the Authgear project's configuration, which the Admin API does not expose: which
 * login ID keys the project has turned on (Authgear Portal → Authentication → Login Methods). Authgear's
 * default is email only; a key the project does not have makes look-ups answer `GetUsersInvalidArgument` and
 * createUser / createIdentity answer `InvalidLoginIDKey`.
 */
export const LOGIN_ID_KEYS = ['email', 'phone', 'username'] as const;
export type LoginIdKey = (typeof LOGIN_ID_KEYS)[number];

export interface AuthgearProject {
  readonly loginIdKeys: readonly LoginIdKey[];
}

export const DEFAULT_PROJECT: AuthgearProject = Object.freeze({
  loginIdKeys: Object.freeze(['email'] as const),
});

export const isLoginIdKey = (value: string): value is LoginIdKey =>
  (LOGIN_ID_KEYS as readonly string[]).includes(value);

/** How a person names each kind of login ID. */
export const LOGIN_ID_WORDS: Record<LoginIdKey, { one: string; many: string }> = {
  email: { one: 'email address', many: 'email addresses' },
  phone: { one: 'phone number', many: 'phone numbers' },
  username: { one: 'username', many: 'usernames' },
};

/** Why `key` cannot be used in this project, in words; undefined when it can. */
export const loginIdKeyProblem = (project: AuthgearProject, key: LoginIdKey): string | undefined => {
  if (project.loginIdKeys.includes(key)) return undefined;
  const has = project.loginIdKeys.map((k) => LOGIN_ID_WORDS[k].many).join(' and ');
  return `This Authgear project has no ${LOGIN_ID_WORDS[key].many} as login IDs (it uses ${has || 'none'}). An admin can turn ${LOGIN_ID_WORDS[key].many} on in the Authgear Portal (Authentication → Login Methods) and add \`${key}\` to AUTHGEAR_LOGIN_ID_KEYS.`;
};

/** Authgear refused a key the bot believed configured (AUTHGEAR_LOGIN_ID_KEYS is ahead of the Portal). */
export const loginIdKeyRefused = (key: LoginIdKey): string =>
  `Authgear says this project has no ${LOGIN_ID_WORDS[key].many} as login IDs, so nothing was created. An admin can turn them on in the Authgear Portal (Authentication → Login Methods), or remove \`${key}\` from AUTHGEAR_LOGIN_ID_KEYS.`;
