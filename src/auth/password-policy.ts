/**
 * What a new password must be: at least 12 characters (NIST SP 800-63B's length-over-complexity advice), at most
 * 256 (argon2 hashes whatever it is given: a megabyte-long password costs CPU before any check), not the e-mail or
 * its name part, and not one of the passwords every guessing list starts with.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'sameAsEmail' | 'common';

export const PASSWORD_PROBLEMS: Record<PasswordProblem, { vi: string; en: string }> = {
  tooShort: {
    vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  tooLong: {
    vi: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
    en: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  sameAsEmail: {
    vi: 'Mật khẩu không được là địa chỉ thư điện tử hay tên tài khoản.',
    en: 'The password must not be the e-mail address or the account name.',
  },
  common: {
    vi: 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.',
    en: 'This password is too common and easily guessed; choose another.',
  },
};

/**
 * Passwords of at least 12 characters that lead the public lists of leaked passwords, plus the obvious local ones.
 * Compared lower-case, so case variants count too.
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  '123123123123',
  '1q2w3e4r5t6y',
  'qwertyuiopas',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  'asdfghjkl123',
  'zxcvbnm12345',
  '1qaz2wsx3edc',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'p@ssw0rd1234',
  'p@ssword1234',
  'iloveyou1234',
  'abc123456789',
  'abcdefghijkl',
  'abcd12345678',
  'aaaaaaaaaaaa',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'administrator',
  'administrator1',
  'admin1234567',
  'admin@123456',
  'matkhau12345',
  'matkhau123456',
  'matkhaumoi123',
  'vietnam12345',
  'vietnam123456',
  'hanoi1234567',
  'thiduakhenthuong',
  'thidua123456',
  'khenthuong123',
]);

export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  const lower = password.trim().toLowerCase();
  if (email) {
    const address = email.trim().toLowerCase();
    const name = address.split('@')[0];
    if (lower === address || lower === name || (name.length >= 4 && lower.includes(name)))
      problems.push('sameAsEmail');
  }
  if (COMMON.has(lower) || /^(.)\1+$/.test(lower)) problems.push('common');
  return problems;
}
