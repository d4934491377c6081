import { describe, expect, it } from 'vitest';
import { fieldsFromIssues, issueMessage } from './validation-messages';

describe('validation messages', () => {
  it('says what is wrong in the caller’s language', () => {
    const tooLong = { code: 'too_big', path: 'name', params: { origin: 'string', maximum: 200 } };
    expect(issueMessage('en', tooLong)).toBe('At most 200 characters.');
    expect(issueMessage('zh-CN', tooLong)).toBe('最多 200 个字符。');
    const missing = 'Invalid input: expected string, received undefined';
    const wrong = 'Invalid input: expected string, received number';
    const typeIssue = (message: string) => ({
      code: 'invalid_type',
      message,
      path: 'name',
      params: { expected: 'string' },
    });
    expect(issueMessage('en', typeIssue(missing))).toBe('Required.');
    expect(issueMessage('en', typeIssue(wrong))).toBe('Expected text.');
    expect(issueMessage('zh-CN', typeIssue(wrong))).toBe('应为 文本。');
    expect(
      issueMessage('zh-CN', { code: 'invalid_format', path: 'email', params: { format: 'email' } }),
    ).toBe('请输入有效的邮箱地址。');
    expect(
      issueMessage('en', { code: 'invalid_format', message: 'phone', path: 'phones.0', params: {} }),
    ).toBe('Enter a valid phone number.');
  });

  it('names each unknown field', () => {
    expect(
      fieldsFromIssues('en', [{ code: 'unrecognized_keys', path: '', params: { keys: ['foo', 'bar'] } }]),
    ).toEqual({
      foo: 'Unknown field.',
      bar: 'Unknown field.',
    });
  });
});
