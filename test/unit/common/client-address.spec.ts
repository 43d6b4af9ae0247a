import { addressKey } from '../../../src/common/client-address';
import { isPrivateAddress } from '../../../src/notifications/network-guard';

describe('client addresses as the limits count them', () => {
  it('counts IPv4 as it is, and an IPv4-mapped IPv6 address as its IPv4', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = addressKey('2001:db8:abcd:12::1');
    expect(key).toBe('2001:db8:abcd:12::/64');
    expect(addressKey('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe(key);
    expect(addressKey('2001:db8:abcd:12:1:2:3:4')).toBe(key);
    expect(addressKey('2001:db8:abcd:13::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('webhook targets', () => {
  it('refuses IPv6 ranges that lead to private IPv4 or nowhere public', () => {
    for (const address of [
      '64:ff9b::a00:1',
      '2002:a00:1::1',
      '2001:0:4136:e378::1',
      'fec0::1',
      '::1',
      'fe80::1',
    ]) {
      expect(`${address} ${isPrivateAddress(address)}`).toBe(`${address} true`);
    }
    expect(isPrivateAddress('2606:4700:4700::1111')).toBe(false);
    expect(isPrivateAddress('1.1.1.1')).toBe(false);
  });
});
