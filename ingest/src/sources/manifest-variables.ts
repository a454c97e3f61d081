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
