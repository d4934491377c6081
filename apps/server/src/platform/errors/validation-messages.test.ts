import { describe, expect, it } from 'vitest';
import { fieldsFromIssues, issueMessage } from './validation-messages';

describe('validation messages', () => {
  it('says what is wrong in the caller’s language', () => {
    const tooLong = { code: 'too_big', path: 'name', params: { origin: 'string', maximum: 200 } };
    expect(issueMessage('en', tooLong)).toBe('At most 200 characters.');
    expect(issueMessage('zh-CN', tooLong)).toBe('最多 200 个字符。');
    expect(issueMessage('en', { code: 'invalid_type', path: 'name', params: { expected: 'string' } })).toBe(
      'Required.',
    );
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
