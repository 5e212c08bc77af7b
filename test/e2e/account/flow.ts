import { expect } from 'vitest';
import type { RecordedRequest } from '../../fakes/authgear/index.js';
import type { TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';

type Json = Record<string, unknown>;

/** Every button in a message body (actions blocks and section accessories). */
export const buttonsOf = (body: Json): Json[] => {
  const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : [];
  return blocks.flatMap((b) => {
    const elements = Array.isArray(b.elements) ? (b.elements as Json[]) : [];
    const accessory = typeof b.accessory === 'object' && b.accessory !== null ? [b.accessory as Json] : [];
    return [...elements, ...accessory].filter((e) => e.type === 'button');
  });
};

export const confirmValueOf = (body: Json): string => {
  const button = buttonsOf(body).find((b) => b.action_id === 'confirm_action');
  if (typeof button?.value !== 'string') throw new Error(`no Confirm button in ${JSON.stringify(body)}`);
  return button.value;
};

export const mutationsSince = (t: TestApp, from: number): RecordedRequest[] =>
  t.authgear.requests.slice(from).filter((r) => r.query.trimStart().startsWith('mutation'));

/** The response_url messages to one click, once one is final (not the "working…" placeholder). */
export const finalResponse = async (t: TestApp, id: string | undefined): Promise<Json> => {
  if (!id) throw new Error('no response_url id');
  return waitFor(
    () =>
      t.slack
        .responsesTo(id)
        .map((r) => r.body)
        .find((b) => !String(b.text ?? '').endsWith('…')),
    { message: `final response to ${id}` },
  );
};

export interface ConfirmedRun {
  confirmation: Json;
  result: Json;
  resultResponseId: string;
  mutations: RecordedRequest[];
}

/** Slash command → ephemeral confirmation → Confirm click → final result, as `userId`. */
export const runConfirmed = async (t: TestApp, userId: string, text: string): Promise<ConfirmedRun> => {
  const from = t.authgear.requests.length;
  const command = await t.driver.slashCommand({ userId, text });
  expect(command.status).toBe(200);
  const confirmation = await t.response(command.responseUrlId);
  expect(confirmation.response_type).toBe('ephemeral');
  expect(mutationsSince(t, from)).toEqual([]);
  return clickConfirm(t, userId, confirmation, from);
};

export const clickConfirm = async (
  t: TestApp,
  userId: string,
  confirmation: Json,
  from: number,
): Promise<ConfirmedRun> => {
  const click = await t.driver.blockAction({
    userId,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: confirmValueOf(confirmation),
    ephemeral: true, // the confirmation came through the command's response_url
  });
  expect(click.status).toBe(200);
  const result = await finalResponse(t, click.responseUrlId);
  return {
    confirmation,
    result,
    resultResponseId: click.responseUrlId ?? '',
    mutations: mutationsSince(t, from),
  };
};
