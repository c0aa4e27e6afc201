import { describe, expect, it } from 'vitest';
import { sandboxAnswers, sandboxResponses } from './index.js';

describe('the deprecated answer names', () => {
  it('keep sandboxAnswers as the old name of sandboxResponses', () => {
    expect(sandboxAnswers).toBe(sandboxResponses);
  });
});
