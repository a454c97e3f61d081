/** A manifest uses `${NAME}` for a variable the deployment does not define. */
export class ManifestVariableError extends Error {
  constructor(
    readonly variable: string,
    readonly path: string,
  ) {
    super(
      `${path || '(root)'}: uses \${${variable}}, which is not set (set the ${variable} environment variable)`,
    );
    this.name = 'ManifestVariableError';
  }
}

const VARIABLE = /\$\{([A-Z_][A-Z0-9_]*)\}/g;

/**
 * Replaces `${NAME}` in every string of a parsed manifest with a deployment variable (today only
 * DEMO_PORTAL_URL). Manifests are stored with the variables in place and resolved when a run
 * starts, so the demo portal may move to another port between restarts.
 */
export function substituteVariables(
  value: unknown,
  variables: Readonly<Record<string, string>>,
  path = '',
): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (_match, name: string) => {
      const replacement = variables[name];
      if (replacement === undefined) throw new ManifestVariableError(name, path);
      return replacement;
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => substituteVariables(item, variables, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = substituteVariables(item, variables, path ? `${path}.${key}` : key);
    }
    return out;
  }
  return value;
}

/** What a deployment's source settings mean for manifests and the network guard. */
export interface SourceDeployment {
  /** Base URL of the demo portal without a trailing slash; undefined when not set. */
  demoPortalUrl: string | undefined;
  /** Variables a manifest may reference by `${NAME}` (the demo portal URL today). */
  manifestVariables: Record<string, string>;
  /**
   * Hosts in loopback/private ranges that sources may reach, lower-cased. Includes the demo
   * portal's host: a deployment that names a demo portal means for sources to reach it.
   */
  allowedPrivateHosts: string[];
}

/**
 * Derives the source settings of a deployment from DEMO_PORTAL_URL and the (already split)
 * ALLOWED_PRIVATE_HOSTS entries. The ingest worker and the API's preview both use it, so a
 * preview reaches exactly the hosts a run would.
 */
export function sourceDeployment(
  demoPortalUrl: string | undefined,
  allowedPrivateHosts: readonly string[],
): SourceDeployment {
  const allowed = new Set(allowedPrivateHosts.map((h) => h.toLowerCase()));
  const manifestVariables: Record<string, string> = {};
  if (demoPortalUrl) {
    const base = demoPortalUrl.replace(/\/+$/, '');
    manifestVariables['DEMO_PORTAL_URL'] = base;
    allowed.add(new URL(base).hostname.replace(/^\[|\]$/g, '').toLowerCase());
  }
  return {
    demoPortalUrl: manifestVariables['DEMO_PORTAL_URL'],
    manifestVariables,
    allowedPrivateHosts: [...allowed],
  };
}
