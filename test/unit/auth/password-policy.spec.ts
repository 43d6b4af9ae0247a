import { PASSWORD_PROBLEMS, passwordProblems } from '../../../src/auth/password-policy';

describe('the password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('mây trắng bay qua đồi chè', 'an.nguyen@thidua.gov.vn')).toEqual([]);
  });

  it('counts characters, not bytes, for the bounds', () => {
    expect(passwordProblems('đặng-văn-ấn')).toEqual(['tooShort']); // 11 letters, 17 bytes
    expect(passwordProblems('ư'.repeat(256)).includes('tooLong')).toBe(false);
    expect(passwordProblems('a1'.repeat(129))).toEqual(['tooLong']);
  });

  it('refuses the e-mail, its name part, and passwords built on it', () => {
    const email = 'nguyen.van.an@thidua.gov.vn';
    for (const password of [email, 'NGUYEN.VAN.AN', 'nguyen.van.an2024']) {
      expect(passwordProblems(password, email)).toContain('sameAsEmail');
    }
  });

  it('refuses common passwords in any case, and one repeated character', () => {
    expect(passwordProblems('Password1234')).toEqual(['common']);
    expect(passwordProblems('MatKhau123456')).toEqual(['common']);
    expect(passwordProblems('zzzzzzzzzzzzzzzz')).toEqual(['common']);
  });

  it('has words for every problem in Vietnamese and English', () => {
    for (const words of Object.values(PASSWORD_PROBLEMS)) {
      expect(words.vi).toMatch(/Mật khẩu/);
      expect(words.en).toMatch(/password/i);
    }
  });
});
