/** What the benchmarks that run the built bot as its own process start first: the fakes, a key and a private Redis. */
import { type AuthgearFake, startAuthgearFake } from '../test/fakes/authgear/index.js';
import { type SlackFake, startSlackFake } from '../test/fakes/slack/index.js';
import { PEOPLE } from '../test/support/app.js';
import { CHILD_PROJECT_ID } from '../test/support/child-app.js';
import { type AdminKey, makeAdminKey } from '../test/support/keys.js';
import { type PrivateRedis, startPrivateRedis } from '../test/support/redis.js';

export interface ChildFakes {
  readonly key: AdminKey;
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  readonly redis: PrivateRedis;
  close(): Promise<void>;
}

/** The fakes with the viewer in Slack and `email` in Authgear (the user the benchmark looks up). */
export const startChildFakes = async (email: string): Promise<ChildFakes> => {
  const key = makeAdminKey();
  const slack = await startSlackFake({
    users: [{ id: PEOPLE.viewer, name: 'vic', email: 'vic@ops.example.com' }],
  });
  const authgear = await startAuthgearFake({
    projectId: CHILD_PROJECT_ID,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
  });
  const redis = await startPrivateRedis();
  authgear.store.addUser({ email });
  return {
    key,
    slack,
    authgear,
    redis,
    close: async () => {
      await Promise.all([slack.close(), authgear.close(), redis.stop()]);
    },
  };
};
