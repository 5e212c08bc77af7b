import { expect } from 'vitest';
import type { TestApp } from '../../support/app.js';
import type { DriverResult } from '../../support/slack-driver.js';

export type Body = Record<string, unknown>;

interface ButtonLike {
  readonly action_id?: string;
  readonly value?: string;
}

/** Every button in a message body, in order. */
export const buttonsOf = (body: unknown): ButtonLike[] => {
  if (Array.isArray(body)) return body.flatMap(buttonsOf);
  if (typeof body !== 'object' || body === null) return [];
  const o = body as Record<string, unknown>;
  const own = o.type === 'button' ? [o as ButtonLike] : [];
  return [...own, ...Object.values(o).flatMap(buttonsOf)];
};

export const buttonValue = (body: unknown, actionId: string, index = 0): string => {
  const value = buttonsOf(body).filter(
    (b) => b.action_id === actionId || b.action_id?.startsWith(`${actionId}:`),
  )[index]?.value;
  expect(value, `button ${actionId} #${index}`).toBeTypeOf('string');
  return value ?? '';
};

/** Clicks Confirm on the confirmation that arrived as response #n of `start`, and returns the final result body. */
export const confirmAndWait = async (t: TestApp, userId: string, confirmation: Body): Promise<Body> => {
  const click: DriverResult = await t.driver.blockAction({
    userId,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: buttonValue(confirmation, 'confirm_action'),
    ephemeral: true, // the confirmation came through the command's response_url
  });
  expect(click.status).toBe(200);
  // Response 1 is the "working…" state, response 2 the result (or an error replacing it).
  return t.response(click.responseUrlId, 2);
};

export const text = (body: unknown): string => JSON.stringify(body);
