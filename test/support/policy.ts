import { expect } from 'vitest';
import { parsePolicyText } from '../../src/config/policy.js';
import type { AppError } from '../../src/errors.js';

/** The problems listed when `yaml` is refused as a policy (fails the test when it is accepted). */
export const policyProblems = (yaml: string): string => {
  try {
    parsePolicyText(yaml);
  } catch (e) {
    expect((e as AppError).code).toBe('policy.invalid');
    return (e as AppError).userMessage;
  }
  throw new Error('expected the policy to be refused');
};
