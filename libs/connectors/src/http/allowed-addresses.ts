import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Turns ALLOWED_PRIVATE_HOSTS entries into the addresses the connector kit's network guard
 * allows: IPs and CIDR ranges pass through, host names (e.g. `localhost`) are resolved once.
 * A name that does not resolve is left out; the guard then refuses it, which is the safe side.
 */
export async function resolveAllowedAddresses(hosts: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const host of hosts) {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare) !== 0 || /^[0-9a-f.:]+\/\d{1,3}$/i.test(bare)) {
      out.add(bare);
      continue;
    }
    try {
      for (const { address } of await lookup(bare, { all: true })) out.add(address);
    } catch {
      // Unresolvable: not allowed.
    }
  }
  return [...out];
}
