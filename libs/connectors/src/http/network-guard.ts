import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { BlockedHostError } from '../errors/source-errors';

/** One resolved address of a host. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (injectable so tests never touch DNS). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Deployment-level switches of the server-side request forgery guard. */
export interface NetworkGuardOptions {
  /** Allow every private, loopback and link-local address (a closed on-premise network). */
  allowPrivateNetworks?: boolean;
  /** Addresses or CIDR ranges allowed even though they are private (`127.0.0.1`, `10.8.0.0/16`). */
  allowedAddresses?: readonly string[];
  resolver?: HostResolver;
}

/**
 * Ranges no connector may reach unless the deployment says so: "this" network, private networks,
 * carrier-grade NAT, loopback, link-local (cloud metadata at 169.254.169.254), benchmarking,
 * multicast and reserved space; for IPv6 the unspecified and loopback addresses, unique-local
 * fc00::/7, link-local fe80::/10, site-local fec0::/10 and multicast.
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address embedded in an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`), if any. */
function embeddedIpv4(address: string): string | undefined {
  const m =
    /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ??
    /^::(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  return m?.[1];
}

function buildAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = '', prefixText] = entry.split('/');
    const family = isIP(network);
    if (family === 0)
      throw new BlockedHostError(`allowed address "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefixText === undefined) list.addAddress(network, type);
    else list.addSubnet(network, Number(prefixText), type);
  }
  return list;
}

/** True when `hostname` matches one of `allowedHosts` (`data.gov.hk`, `*.arcgis.com`). */
export function isHostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return allowedHosts.some((entry) => {
    const pattern = entry
      .toLowerCase()
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '');
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}

/**
 * The server-side request forgery guard. `vet(url)` checks the host against the source's allowed
 * hosts, resolves it, and refuses forbidden addresses *before* any connection is made; the caller
 * then connects to the vetted address (pinned, so a second DNS answer cannot swap it).
 */
export class NetworkGuard {
  private readonly allowList: BlockList;
  private readonly resolver: HostResolver;

  constructor(
    private readonly allowedHosts: readonly string[],
    private readonly options: NetworkGuardOptions = {},
  ) {
    this.allowList = buildAllowList(options.allowedAddresses ?? []);
    this.resolver = options.resolver ?? defaultResolver;
  }

  /** Checks `url` and returns the address to connect to. Throws {@link BlockedHostError}. */
  async vet(url: URL): Promise<ResolvedAddress> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new BlockedHostError(`protocol ${url.protocol} is not allowed (only http and https)`);
    }
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (!isHostAllowed(hostname, this.allowedHosts)) {
      throw new BlockedHostError(
        `host "${hostname}" is not in the source's allowed_hosts (${this.allowedHosts.join(', ') || 'none declared'})`,
      );
    }
    const family = isIP(hostname);
    const addresses: ResolvedAddress[] =
      family === 0 ? await this.resolve(hostname) : [{ address: hostname, family: family === 6 ? 6 : 4 }];
    // Every answer must pass: otherwise an attacker-controlled name could list one public and one
    // private address and win on the connection attempt.
    for (const candidate of addresses) this.checkAddress(hostname, candidate);
    const first = addresses[0];
    if (!first) throw new BlockedHostError(`host "${hostname}" did not resolve to any address`);
    return first;
  }

  /** Throws when `candidate` lies in a forbidden range that the deployment did not allow. */
  checkAddress(hostname: string, candidate: ResolvedAddress): void {
    if (this.options.allowPrivateNetworks) return;
    const mapped = candidate.family === 6 ? embeddedIpv4(candidate.address) : undefined;
    const address = mapped ?? candidate.address;
    const type = mapped || candidate.family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowList.check(address, type)) return;
    if (FORBIDDEN.check(address, type)) {
      throw new BlockedHostError(
        `host "${hostname}" resolves to ${candidate.address}, a loopback/private/link-local address; ` +
          'allow it in the deployment (allowPrivateNetworks or allowedAddresses) if this is intended',
      );
    }
  }

  private async resolve(hostname: string): Promise<ResolvedAddress[]> {
    try {
      return await this.resolver(hostname);
    } catch (error) {
      throw new BlockedHostError(`host "${hostname}" could not be resolved`, { cause: error });
    }
  }
}

const defaultResolver: HostResolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};
