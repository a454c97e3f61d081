/** A run or command named a source key that is not in the source table. */
export class SourceNotFoundError extends Error {
  constructor(readonly sourceKey: string) {
    super(`source '${sourceKey}' was not found (apply the catalogue, or check the key with 'runs')`);
    this.name = 'SourceNotFoundError';
  }
}
