import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Loopback, private, link-local, CGNAT, multicast and reserved ranges: no webhook may target them by default.
 * IPv4 and IPv6 are two lists: one BlockList holding the IPv4-mapped IPv6 block (::ffff:0:0/96) matches every
 * IPv4 address against it, which would refuse every public IPv4 host.
 */
const PRIVATE_V4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE_V4.addSubnet(net, prefix, 'ipv4');
}
// IPv4-mapped addresses (::ffff:a.b.c.d) are refused whatever they map to: no webhook needs one.
const PRIVATE_V6 = new BlockList();
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96], // NAT64: reaches IPv4 (private ones too) from an IPv6-only network
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['2001::', 32], // Teredo: an IPv4 address inside
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
] as const) {
  PRIVATE_V6.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? PRIVATE_V4.check(address, 'ipv4') : PRIVATE_V6.check(address, 'ipv6');
}

/** Entries of WEBHOOK_ALLOWED_HOSTS: host names, addresses or CIDR blocks that may be private. */
export function parseAllowList(value: string): { hosts: Set<string>; blocks: BlockList } {
  const hosts = new Set<string>();
  const blocks = new BlockList();
  for (const entry of value
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)) {
    const [net, prefix] = entry.split('/');
    const family = isIP(net);
    if (family && prefix) blocks.addSubnet(net, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    else if (family) blocks.addAddress(net, family === 4 ? 'ipv4' : 'ipv6');
    else hosts.add(entry);
  }
  return { hosts, blocks };
}

/** Resolves a host name to every address it has (the system's resolver unless a test gives its own). */
export type Resolver = (host: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** A target that may be called: its URL and the addresses it resolved to, each checked. */
export interface CheckedTarget {
  url: URL;
  host: string;
  addresses: { address: string; family: 4 | 6 }[];
  /** Whether an address may be connected to (public, or named by the allow-list). */
  mayConnect(address: string): boolean;
}

/**
 * Resolves a webhook URL once and checks it: https or http only, no credentials, and every address the host
 * resolves to public unless the allow-list names the host or the address. The request must then connect to one
 * of these addresses and no other (see WebhookSender): a second resolution could answer differently.
 */
export async function checkTarget(
  url: string,
  allowList: string,
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget | { problem: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { problem: 'only http and https are allowed' };
  if (parsed.username || parsed.password) return { problem: 'credentials in the URL are not allowed' };
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allow = parseAllowList(allowList);
  const hostAllowed = allow.hosts.has(host);
  const mayConnect = (address: string) => {
    const family = isIP(address);
    if (family === 0) return false;
    return (
      hostAllowed || !isPrivateAddress(address) || allow.blocks.check(address, family === 6 ? 'ipv6' : 'ipv4')
    );
  };
  let addresses: { address: string; family: 4 | 6 }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) === 6 ? 6 : 4 }] : await resolve(host);
  } catch {
    return { problem: `the host ${host} does not resolve` };
  }
  if (addresses.length === 0) return { problem: `the host ${host} does not resolve` };
  for (const { address } of addresses) {
    if (!mayConnect(address))
      return { problem: `${host} resolves to a private or loopback address (${address})` };
  }
  return { url: parsed, host, addresses, mayConnect };
}

/** Why a URL may not be a webhook target, or null when it may (see `checkTarget`). */
export async function webhookTargetProblem(
  url: string,
  allowList: string,
  resolve: Resolver = systemResolver,
): Promise<string | null> {
  const checked = await checkTarget(url, allowList, resolve);
  return 'problem' in checked ? checked.problem : null;
}
