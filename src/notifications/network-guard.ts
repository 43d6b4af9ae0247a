import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local, CGNAT, multicast and reserved ranges: no webhook may target them by default. */
const PRIVATE = new BlockList();
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
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
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

/**
 * Why a URL may not be a webhook target, or null when it may: https or http only, no credentials, and every
 * address the host resolves to public unless the allow-list names the host or the address.
 */
export async function webhookTargetProblem(url: string, allowList: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'only http and https are allowed';
  if (parsed.username || parsed.password) return 'credentials in the URL are not allowed';
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allow = parseAllowList(allowList);
  if (allow.hosts.has(host)) return null;
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `the host ${host} does not resolve`;
  }
  for (const address of addresses) {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isPrivateAddress(address) && !allow.blocks.check(address, family)) {
      return `${host} resolves to a private or loopback address (${address})`;
    }
  }
  return null;
}
